import { type SQL, sql } from "drizzle-orm";
import { planDateProblems } from "../../../contract/interventions";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { invalid } from "../../errors";
import { type Actor, STAFF_ROLES } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { findResource, resourceTarget } from "../library/library.queries";

type FieldError = { pointer: string; detail: string };

export type References = {
  deliveredById?: string | null | undefined;
  strategyResourceId?: string | null | undefined;
  learningTargetIds?: readonly string[] | undefined;
  sourceAssessmentId?: string | null | undefined;
};

/**
 * Whether this person may deliver support to these students: active staff with a role at a school of every
 * one of them (the student's own school or a class's), or district-wide staff. The deliverer reads the
 * student and records their data, so a family member, a stranger to the school or a leaver may not.
 */
export async function isEligibleDeliverer(
  db: Db,
  districtId: string,
  personId: string,
  studentIds: SQL,
): Promise<boolean> {
  const staffRoles = sql.join(
    STAFF_ROLES.map((role) => sql`${role}`),
    sql`, `,
  );
  const found = await db.execute(sql`
    select 1 from people p
     where p.id = ${personId} and p.district_id = ${districtId} and p.status = 'active'
       and exists (select 1 from role_assignments ra
                    where ra.person_id = p.id and ra.role::text in (${staffRoles}))
       and not exists (
         select 1 from (${studentIds}) as st(id)
          where not exists (
            select 1 from role_assignments ra
             where ra.person_id = p.id and ra.role::text in (${staffRoles})
               and (ra.school_id is null
                 or ra.school_id in (select s.school_id from students s where s.id = st.id)
                 or ra.school_id in (select c.school_id from class_students cs join classes c on c.id = cs.class_id
                                      where cs.student_id = st.id))))`);
  return found.rows.length > 0;
}

/** The students of these ids, as a subquery for isEligibleDeliverer. */
export function studentsOf(ids: readonly string[]): SQL {
  return sql`select unnest(${uuidArray([...ids])})`;
}

/** The students of a group's active plans, as a subquery for isEligibleDeliverer. */
export function studentsOfGroup(groupId: string): SQL {
  return sql`select student_id from intervention_plans where group_id = ${groupId} and status = 'active'`;
}

/**
 * What the plan points at must be in the actor's district, its deliverer staff of its students' schools
 * (`students`: a subquery of their ids), and a strategy from the library one they may read.
 */
export async function referenceProblems(db: Db, actor: Actor, refs: References, students: SQL): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (refs.deliveredById && !(await isEligibleDeliverer(db, actor.districtId, refs.deliveredById, students))) {
    problems.push({ pointer: "/body/deliveredById", detail: "Choose active staff of the students' school." });
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
