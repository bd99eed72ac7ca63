import { type SQL, sql } from "drizzle-orm";
import type { ResultRowInput } from "../../../contract/assessments";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { listRoster } from "./assessment-roster";
import { listItems } from "./assessments.queries";
import { recomputeTargetResults } from "./target-results";

/** A problem with one cell of the rows sent: which row, which field (an item's score or response), why. */
export type ResultProblem = {
  row: number;
  field: "studentId" | { scores: string } | { responses: string };
  message: string;
};

export type RecordedCounts = { students: number; scores: number; absent: number; exempt: number };

export type RecordOutcome = ({ ok: true } & RecordedCounts) | { ok: false; problems: ResultProblem[] };

/** The JSON pointer of a problem in a PUT body ({ rows: [...] }). */
export function problemPointer(problem: ResultProblem): string {
  const at = `/body/rows/${problem.row}`;
  if (problem.field === "studentId") return `${at}/studentId`;
  if ("scores" in problem.field) return `${at}/scores/${escapePointer(problem.field.scores)}`;
  return `${at}/responses/${escapePointer(problem.field.responses)}`;
}

/** RFC 6901: "~" and "/" inside a pointer segment. */
/**
 * A response as it is stored: trimmed and in capitals, so "a", " A" and "A" are one answer wherever responses
 * are counted (the key is compared ignoring case too). Migration 0012 brought earlier responses to this form.
 */
function storedResponse(response: SQL): SQL {
  return sql`nullif(upper(btrim(${response})), '')`;
}

export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Records results for some students in one transaction: their sitting (completed, absent or exempt), the
 * points and responses sent (items left out keep theirs; null clears), then their target results.
 * A student marked absent or exempt keeps no scores: they are not counted, and not counted as zero.
 * A "completed" student with nothing left entered loses the sitting too, so the grid shows them as not entered.
 * Every row is checked first — the student takes the assessment and the actor may read them, the item is on
 * it, the points fit — and any problem stops the whole write. `audit` records the change inside the transaction.
 */
export async function recordResults(
  db: Db,
  actor: Actor,
  assessment: { id: string; districtId: string },
  rows: readonly ResultRowInput[],
  audit: (tx: Db, counts: RecordedCounts) => Promise<void>,
): Promise<RecordOutcome> {
  const [roster, items] = await Promise.all([
    listRoster(
      db,
      actor,
      assessment.id,
      rows.map((r) => r.studentId),
    ),
    listItems(db, assessment.id),
  ]);
  const classOf = new Map(roster.map((s) => [s.id, s.classId]));
  const maxOf = new Map(items.map((i) => [i.id, i.maxPoints]));
  const problems: ResultProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!classOf.has(row.studentId)) {
      problems.push({ row: index, field: "studentId", message: "No such student in this assessment's classes." });
    } else if (seen.has(row.studentId)) {
      problems.push({ row: index, field: "studentId", message: "This student is already in an earlier row." });
    }
    seen.add(row.studentId);
    for (const [itemId, points] of Object.entries(row.scores)) {
      const max = maxOf.get(itemId);
      if (max === undefined)
        problems.push({ row: index, field: { scores: itemId }, message: "No such item on this assessment." });
      else if (points !== null && points > max) {
        problems.push({ row: index, field: { scores: itemId }, message: `At most ${max} points on this item.` });
      }
    }
    for (const itemId of Object.keys(row.responses ?? {})) {
      if (!maxOf.has(itemId)) {
        problems.push({ row: index, field: { responses: itemId }, message: "No such item on this assessment." });
      }
    }
  });
  if (problems.length) return { ok: false, problems };

  const sittings = rows.map((r) => ({ student_id: r.studentId, class_id: classOf.get(r.studentId), status: r.status }));
  const notCounted = rows.filter((r) => r.status !== "completed").map((r) => r.studentId);
  const completed = rows.filter((r) => r.status === "completed");
  const points = completed.flatMap((r) =>
    Object.entries(r.scores).map(([itemId, value]) => ({ student_id: r.studentId, item_id: itemId, points: value })),
  );
  const responses = completed.flatMap((r) =>
    Object.entries(r.responses ?? {}).map(([itemId, value]) => ({
      student_id: r.studentId,
      item_id: itemId,
      response: value || null,
    })),
  );
  const counts: RecordedCounts = {
    students: rows.length,
    scores: points.length,
    absent: rows.filter((r) => r.status === "absent").length,
    exempt: rows.filter((r) => r.status === "exempt").length,
  };
  const studentIds = rows.map((r) => r.studentId);
  const ids = `{${studentIds.join(",")}}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into assessment_sittings (district_id, assessment_id, student_id, class_id, status, entered_by_id, updated_at)
      select ${assessment.districtId}, ${assessment.id}, x.student_id, x.class_id, x.status::sitting_status,
        ${actor.personId}, now()
      from jsonb_to_recordset(${JSON.stringify(sittings)}::jsonb) as x(student_id uuid, class_id uuid, status text)
      on conflict (assessment_id, student_id) do update set status = excluded.status, class_id = excluded.class_id,
        entered_by_id = excluded.entered_by_id, updated_at = now()`);
    if (notCounted.length) {
      await tx.execute(sql`delete from item_scores where assessment_id = ${assessment.id}
        and student_id = any(${uuidArray(notCounted)})`);
    }
    if (points.length) {
      await tx.execute(sql`
        insert into item_scores (district_id, assessment_id, item_id, student_id, points)
        select ${assessment.districtId}, ${assessment.id}, x.item_id, x.student_id, x.points
        from jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as x(student_id uuid, item_id uuid, points numeric)
        on conflict (assessment_id, student_id, item_id) do update set points = excluded.points`);
    }
    if (responses.length) {
      await tx.execute(sql`
        insert into item_scores (district_id, assessment_id, item_id, student_id, response)
        select ${assessment.districtId}, ${assessment.id}, x.item_id, x.student_id, ${storedResponse(sql`x.response`)}
        from jsonb_to_recordset(${JSON.stringify(responses)}::jsonb) as x(student_id uuid, item_id uuid, response text)
        on conflict (assessment_id, student_id, item_id) do update set response = excluded.response`);
    }
    await tx.execute(sql`delete from item_scores where assessment_id = ${assessment.id}
      and student_id = any(${ids}::uuid[]) and points is null and response is null`);
    await tx.execute(sql`delete from assessment_sittings st where st.assessment_id = ${assessment.id}
      and st.student_id = any(${ids}::uuid[]) and st.status = 'completed'
      and not exists (select 1 from item_scores sc where sc.assessment_id = st.assessment_id
        and sc.student_id = st.student_id)`);
    await recomputeTargetResults(tx, assessment.id, studentIds);
    await audit(tx, counts);
  });
  return { ok: true, ...counts };
}

/** One audit entry per change of results, with its counts, written in the change's transaction. */
export function auditResults(context: AuditContext, assessmentId: string, source: "grid" | "csv") {
  return (tx: Db, counts: RecordedCounts) =>
    recordAudit(tx, context, {
      action: "assessment.results.updated",
      subjectType: "assessment",
      subjectId: assessmentId,
      details: { source, ...counts },
    });
}
