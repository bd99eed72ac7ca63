import { sql } from "drizzle-orm";
import type { GridClass, ResultsGrid } from "../../../contract/assessments";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import { listRoster, studentName } from "./assessment-roster";
import type { AssessmentRow } from "./assessments.queries";
import { listItems } from "./assessments.queries";

type RawScore = { student_id: string; item_id: string; points: number | null; response: string | null };

/**
 * The results grid: the assessment's items, and the students of its classes the actor may read, class by
 * class, with their sitting status, points and responses. Four queries whatever the class sizes.
 */
export async function loadResultsGrid(db: Db, actor: Actor, row: AssessmentRow): Promise<ResultsGrid> {
  const [items, roster, classes] = await Promise.all([
    listItems(db, row.id),
    listRoster(db, actor, row.id),
    db.execute<{ id: string; title: string; teacher_names: string[] | null }>(sql`
      select c.id, c.title,
        array(select p.display_name from class_teachers ct join people p on p.id = ct.person_id
              where ct.class_id = c.id order by p.display_name) as teacher_names
      from assessment_classes ac join classes c on c.id = ac.class_id
      where ac.assessment_id = ${row.id}
      order by c.title, c.id`),
  ]);
  const studentIds = roster.map((s) => s.id);
  const scores = studentIds.length
    ? await db.execute<RawScore>(sql`
        select student_id, item_id, points::float8 as points, response from item_scores
        where assessment_id = ${row.id} and student_id = any(${uuidArray(studentIds)})`)
    : { rows: [] as RawScore[] };
  const pointsOf = new Map<string, Record<string, number>>();
  const responsesOf = new Map<string, Record<string, string>>();
  for (const score of scores.rows) {
    if (score.points !== null) {
      const points = pointsOf.get(score.student_id) ?? {};
      points[score.item_id] = score.points;
      pointsOf.set(score.student_id, points);
    }
    if (score.response !== null) {
      const responses = responsesOf.get(score.student_id) ?? {};
      responses[score.item_id] = score.response;
      responsesOf.set(score.student_id, responses);
    }
  }
  const byClass = new Map<string, GridClass>(
    classes.rows.map((c) => [c.id, { id: c.id, title: c.title, teacherNames: c.teacher_names ?? [], students: [] }]),
  );
  for (const student of roster) {
    byClass.get(student.classId)?.students.push({
      id: student.id,
      name: studentName(student),
      identifier: student.identifier,
      status: student.status,
      scores: pointsOf.get(student.id) ?? {},
      responses: responsesOf.get(student.id) ?? {},
    });
  }
  return {
    assessment: { id: row.id, title: row.title, status: row.status, communityId: row.communityId },
    items,
    classes: [...byClass.values()],
    can: {
      ...abilities(actor, ["assessment.enterResults", "assessment.update"], row.target),
      // Closed assessments keep their results as they are (results.routes.ts refuses changes).
      ...(row.status === "closed" ? { enterResults: false } : {}),
    },
  };
}
