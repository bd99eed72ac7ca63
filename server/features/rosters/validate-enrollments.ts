import { checkRef } from "./references";
import { type RosterPlan, splitByStatus, type ValidationContext } from "./roster-plan";

/** What each user of the set (or of the district) is: a student, a person, or unknown. */
function userKinds(ctx: ValidationContext, plan: RosterPlan) {
  const students = new Set(plan.students.map((s) => s.row.sourcedId));
  const people = new Set(plan.people.map((p) => p.row.sourcedId));
  return (sid: string): "student" | "person" | undefined => {
    if (students.has(sid)) return "student";
    if (people.has(sid)) return "person";
    return ctx.index.users.db.get(sid)?.kind;
  };
}

/** Enrollments become class students or class teachers; demographics belong to students. */
export function planEnrollments(ctx: ValidationContext, plan: RosterPlan): void {
  const { set, problems, index } = ctx;
  const kindOf = userKinds(ctx, plan);
  const classesPlanned = new Set(plan.classes.map((c) => c.row.sourcedId));
  const file = set.files.enrollments;
  const fileName = file?.fileName ?? "enrollments.csv";
  const enrollments = splitByStatus(file?.rows);
  plan.deleted.enrollments = enrollments.deleted;
  const pairs = new Map<string, number>();
  for (const row of enrollments.active) {
    const where = { file: fileName, line: row.line, column: "classSourcedId" };
    const hasClass = checkRef(problems, where, index.classes, row.classSourcedId, "error");
    const hasUser = checkRef(problems, { ...where, column: "userSourcedId" }, index.users, row.userSourcedId, "error");
    if (!hasClass || !hasUser) continue;
    // A class in the set that was refused for a bad school already has its error.
    if (index.classes.active.has(row.classSourcedId) && !classesPlanned.has(row.classSourcedId)) continue;
    if (!["student", "teacher", "administrator", "proctor"].includes(row.role)) {
      problems.warn(fileName, row.line, "role", `Enrollment role "${row.role}" has no place in Collective; skipped.`);
      continue;
    }
    const isStudentRole = row.role === "student";
    const kind = kindOf(row.userSourcedId);
    if (kind === undefined) continue;
    if (isStudentRole !== (kind === "student")) {
      const what = kind === "student" ? "a student" : "not a student";
      problems.warn(
        fileName,
        row.line,
        "role",
        `Enrolled as ${row.role}, but "${row.userSourcedId}" is ${what}; skipped.`,
      );
      continue;
    }
    const key = `${row.classSourcedId}\u0000${row.userSourcedId}`;
    const first = pairs.get(key);
    if (first !== undefined) {
      problems.warn(
        fileName,
        row.line,
        "userSourcedId",
        `The same user is enrolled in this class on line ${first}; skipped.`,
      );
      continue;
    }
    pairs.set(key, row.line);
    (isStudentRole ? plan.classStudents : plan.classTeachers).push(row);
  }

  const demoFile = set.files.demographics;
  const demographics = splitByStatus(demoFile?.rows);
  plan.deleted.demographics = demographics.deleted;
  for (const row of demographics.active) {
    const where = { file: demoFile?.fileName ?? "", line: row.line, column: "sourcedId" };
    if (!checkRef(problems, where, index.users, row.sourcedId, "error")) continue;
    if (kindOf(row.sourcedId) !== "student") {
      if (kindOf(row.sourcedId) === "person") {
        problems.warn(where.file, row.line, "sourcedId", "Demographics are kept for students only; skipped.");
      }
      continue;
    }
    plan.demographics.push(row);
  }
}
