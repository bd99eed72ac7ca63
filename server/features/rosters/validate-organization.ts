import type { OrgRow } from "./file-specs";
import { checkRef } from "./references";
import { type RosterPlan, type SchoolPlan, splitByStatus, type ValidationContext } from "./roster-plan";

/**
 * Which school an org stands for: itself when it is a school, else its nearest school ancestor in the set;
 * an org the set does not hold counts when the district has a school with that sourcedId.
 */
export function createSchoolResolver(ctx: ValidationContext) {
  const orgs = new Map<string, OrgRow>();
  for (const row of ctx.set.files.orgs?.rows ?? []) if (row.status !== "tobedeleted") orgs.set(row.sourcedId, row);
  const promoted = new Set<string>();
  return {
    orgs,
    promoted,
    /** The school's sourcedId, or null when the org is known but is no school (a district, a state…). */
    schoolOf(orgSid: string): string | null | undefined {
      let row = orgs.get(orgSid);
      if (!row) return ctx.index.orgs.state(orgSid) === "active" ? orgSid : undefined;
      for (let depth = 0; row && depth < 20; depth += 1) {
        if (row.type === "school" || promoted.has(row.sourcedId)) return row.sourcedId;
        row = row.parentSourcedId ? orgs.get(row.parentSourcedId) : undefined;
      }
      return null;
    },
  };
}

export type SchoolResolver = ReturnType<typeof createSchoolResolver>;

const LEVEL_WORDS: [RegExp, SchoolPlan["level"]][] = [
  [/\bk-?12\b/i, "k12"],
  [/\b(elementary|primary|infant|kindergarten)\b/i, "elementary"],
  [/\b(middle|junior high|intermediate)\b/i, "middle"],
  [/\b(high|secondary|senior)\b/i, "high"],
];

/** A school's level from its name, else from the grades its classes teach (best effort, default "other"). */
export function schoolLevel(name: string, grades: string[]): SchoolPlan["level"] {
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(name)) return level;
  const numbers = grades.map((g) => (/^(KG|PK|TK|PR|IT)$/i.test(g) ? 0 : Number(g))).filter(Number.isFinite);
  if (numbers.length === 0) return "other";
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  if (high <= 5) return "elementary";
  if (low >= 6 && high <= 8) return "middle";
  if (low >= 9 && high <= 13) return "high";
  return low <= 5 && high >= 9 ? "k12" : "other";
}

/** Orgs, academic sessions, courses and classes: checked, resolved, and put into the plan. */
export async function planOrganization(ctx: ValidationContext, plan: RosterPlan, schools: SchoolResolver) {
  const { set, problems, index } = ctx;
  const orgFile = set.files.orgs;
  const orgs = splitByStatus(orgFile?.rows);
  plan.deleted.schools = orgs.deleted;
  for (const row of orgs.active) {
    if (row.parentSourcedId) {
      const where = { file: orgFile?.fileName ?? "orgs.csv", line: row.line, column: "parentSourcedId" };
      checkRef(problems, where, index.orgs, row.parentSourcedId, "warning", "kept as written.");
    }
  }

  // Classes need a school: an org of another type that a class names as its school, with no school above
  // it in the set, is kept as a school (real exports name departments this way).
  const classFile = set.files.classes;
  const classes = splitByStatus(classFile?.rows);
  plan.deleted.classes = classes.deleted;
  const gradesBySchool = new Map<string, string[]>();
  for (const row of classes.active) {
    const where = { file: classFile?.fileName ?? "classes.csv", line: row.line, column: "schoolSourcedId" };
    let school = schools.schoolOf(row.schoolSourcedId);
    if (school === null) {
      schools.promoted.add(row.schoolSourcedId);
      const org = schools.orgs.get(row.schoolSourcedId);
      problems.warn(
        orgFile?.fileName ?? "orgs.csv",
        org?.line ?? null,
        "type",
        `Org "${row.schoolSourcedId}" (${org?.type}) is a class's school and has no school above it: kept as a school.`,
      );
      school = row.schoolSourcedId;
    }
    if (school === undefined) {
      checkRef(problems, where, index.orgs, row.schoolSourcedId, "error");
      continue;
    }
    gradesBySchool.set(school, [...(gradesBySchool.get(school) ?? []), ...row.grades]);
    const termSourcedIds = row.termSourcedIds.filter((sid) =>
      checkRef(problems, { ...where, column: "termSourcedIds" }, index.terms, sid, "error", "the term is left out."),
    );
    let courseSourcedId: string | null = row.courseSourcedId;
    const courseMissing = set.files.courses ? "error" : "warning";
    const why = set.files.courses ? "" : "the set has no courses file, so the class is kept without a course.";
    if (
      !checkRef(problems, { ...where, column: "courseSourcedId" }, index.courses, courseSourcedId, courseMissing, why)
    ) {
      courseSourcedId = null;
    }
    plan.classes.push({ row, schoolSourcedId: school, courseSourcedId, termSourcedIds });
  }

  for (const row of orgs.active) {
    if (row.type === "school" || schools.promoted.has(row.sourcedId)) {
      const level = schoolLevel(row.name, gradesBySchool.get(row.sourcedId) ?? []);
      plan.schools.push({ sourcedId: row.sourcedId, name: row.name, level, matchId: null });
    } else {
      plan.otherOrgs += 1;
    }
  }
  await matchSchoolNames(ctx, plan, orgFile?.fileName ?? "orgs.csv", new Map(orgs.active.map((r) => [r.sourcedId, r])));

  const sessionFile = set.files.academicSessions;
  const sessions = splitByStatus(sessionFile?.rows);
  plan.deleted.terms = sessions.deleted;
  for (const row of sessions.active) {
    if (row.endDate < row.startDate) {
      problems.error(sessionFile?.fileName ?? "", row.line, "endDate", "endDate is before startDate.");
      continue;
    }
    if (row.parentSourcedId) {
      const where = { file: sessionFile?.fileName ?? "", line: row.line, column: "parentSourcedId" };
      checkRef(problems, where, index.terms, row.parentSourcedId, "warning", "kept as written.");
    }
    plan.terms.push(row);
  }

  const courseFile = set.files.courses;
  const courses = splitByStatus(courseFile?.rows);
  plan.deleted.courses = courses.deleted;
  for (const row of courses.active) {
    const where = { file: courseFile?.fileName ?? "", line: row.line, column: "orgSourcedId" };
    const school = schools.schoolOf(row.orgSourcedId);
    if (school === undefined)
      checkRef(problems, where, index.orgs, row.orgSourcedId, "warning", "the course gets no school.");
    plan.courses.push({ row, schoolSourcedId: school ?? null });
  }
}

/**
 * A new school takes an existing school of the same name (ignoring case) that has no sourcedId yet; a name
 * used by a school imported under another sourcedId, or twice in the set, is an error (names are unique).
 */
async function matchSchoolNames(
  ctx: ValidationContext,
  plan: RosterPlan,
  fileName: string,
  rows: Map<string, OrgRow>,
): Promise<void> {
  if (plan.schools.length === 0) return;
  const { rows: existing } = await ctx.client.query<{ id: string; sourced_id: string | null; name: string }>(
    `select id, sourced_id, lower(name) as name from schools
      where district_id = $1 and (sourced_id = any($2::text[]) or lower(name) = any($3::text[]))`,
    [ctx.districtId, plan.schools.map((s) => s.sourcedId), plan.schools.map((s) => s.name.toLowerCase())],
  );
  const bySid = new Map(existing.filter((e) => e.sourced_id).map((e) => [e.sourced_id as string, e]));
  const byName = new Map(existing.map((e) => [e.name, e]));
  const planned = new Map<string, string>();
  for (const school of plan.schools) {
    const line = rows.get(school.sourcedId)?.line ?? null;
    const name = school.name.toLowerCase();
    const other = planned.get(name);
    if (other !== undefined) {
      ctx.problems.error(fileName, line, "name", `Two schools are named "${school.name}" (also "${other}").`);
      continue;
    }
    planned.set(name, school.sourcedId);
    const same = bySid.get(school.sourcedId);
    const named = byName.get(name);
    if (named && named.id !== same?.id) {
      if (!same && named.sourced_id === null) {
        school.matchId = named.id;
        continue;
      }
      const holder = named.sourced_id ? `sourcedId "${named.sourced_id}"` : "no sourcedId";
      ctx.problems.error(fileName, line, "name", `A school named "${school.name}" already exists (${holder}).`);
    }
  }
}
