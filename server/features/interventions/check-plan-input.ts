import { sql } from "drizzle-orm";
import { planDateProblems } from "../../../contract/interventions";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { invalid } from "../../errors";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { findResource, resourceTarget } from "../library/library.queries";

type FieldError = { pointer: string; detail: string };

export type References = {
  deliveredById?: string | null | undefined;
  strategyResourceId?: string | null | undefined;
  learningTargetIds?: readonly string[] | undefined;
  sourceAssessmentId?: string | null | undefined;
};

/** What the plan points at must be in the actor's district, and a strategy from the library one they may read. */
export async function referenceProblems(db: Db, actor: Actor, refs: References): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (refs.deliveredById) {
    const found = await db.execute(sql`select 1 from people
      where id = ${refs.deliveredById} and district_id = ${actor.districtId} and status <> 'deactivated'`);
    if (found.rows.length === 0)
      problems.push({ pointer: "/body/deliveredById", detail: "Choose a person of the district." });
  }
  if (refs.strategyResourceId) {
    const resource = await findResource(db, actor, refs.strategyResourceId);
    if (!resource || !can(actor, "resource.read", resourceTarget(resource)))
      problems.push({ pointer: "/body/strategyResourceId", detail: "Choose a library resource you can open." });
  }
  const targetIds = [...new Set(refs.learningTargetIds ?? [])];
  if (targetIds.length) {
    const found = await db.execute<{ n: number }>(sql`select count(*)::int as n from learning_targets
      where id = any(${uuidArray(targetIds)}) and district_id = ${actor.districtId}`);
    if (Number(found.rows[0]?.n ?? 0) !== targetIds.length)
      problems.push({ pointer: "/body/learningTargetIds", detail: "Choose learning targets of the district." });
  }
  if (refs.sourceAssessmentId) {
    const found = await db.execute(sql`select 1 from assessments
      where id = ${refs.sourceAssessmentId} and district_id = ${actor.districtId}`);
    if (found.rows.length === 0)
      problems.push({ pointer: "/body/sourceAssessmentId", detail: "Choose an assessment of the district." });
  }
  return problems;
}

/** Dates in order, as fields of the request body. */
export function dateProblems(fields: Parameters<typeof planDateProblems>[0]): FieldError[] {
  return planDateProblems(fields).map((p) => ({ pointer: `/body${p.pointer}`, detail: p.detail }));
}

/** Refuses the request as 422 when there is any problem. */
export function refuseIfAny(problems: FieldError[]): void {
  if (problems.length) invalid("Some fields need another look.", problems);
}
