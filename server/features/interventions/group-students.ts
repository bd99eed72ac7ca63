import type { z } from "zod";
import type { GroupInput } from "../../../contract/interventions";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { filterVisibleStudentIds } from "../../policy/student-scope";

type FieldError = { pointer: string; detail: string };

/**
 * The group's students as plans to start: each once, each one the actor may read (the student scope), each
 * with a baseline and a goal (their own or the group's).
 */
export async function studentProblems(db: Db, actor: Actor, body: z.output<typeof GroupInput>) {
  const problems: FieldError[] = [];
  const visible = await filterVisibleStudentIds(
    db,
    actor,
    body.students.map((s) => s.studentId),
  );
  const seen = new Set<string>();
  const plans: { studentId: string; baseline: number; goal: number }[] = [];
  for (const [index, student] of body.students.entries()) {
    const at = `/body/students/${index}`;
    if (seen.has(student.studentId))
      problems.push({ pointer: `${at}/studentId`, detail: "This student is listed twice." });
    seen.add(student.studentId);
    if (!visible.has(student.studentId))
      problems.push({ pointer: `${at}/studentId`, detail: `Student ${student.studentId} is not one you may see.` });
    const baseline = student.baseline ?? body.baseline ?? null;
    const goal = student.goal ?? body.goal ?? null;
    if (baseline === null) problems.push({ pointer: `${at}/baseline`, detail: "Give a baseline score." });
    if (goal === null) problems.push({ pointer: `${at}/goal`, detail: "Give a goal score." });
    if (baseline !== null && goal !== null) {
      if (baseline === goal) problems.push({ pointer: `${at}/goal`, detail: "The goal differs from the baseline." });
      plans.push({ studentId: student.studentId, baseline, goal });
    }
  }
  return { plans, problems };
}
