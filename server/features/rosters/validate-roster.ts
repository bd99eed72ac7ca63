import type pg from "pg";
import type { IdMaps } from "./apply-organization";
import type { ProblemList } from "./problems";
import type { RosterSet } from "./read-roster-set";
import {
  type KnownResult,
  type KnownUser,
  lookUpAssessments,
  lookUpResults,
  lookUpSourced,
  lookUpUsers,
  RefIndex,
} from "./references";
import { emptyPlan, type RosterPlan, type ValidationContext } from "./roster-plan";
import { planEnrollments } from "./validate-enrollments";
import { planGradebook } from "./validate-gradebook";
import { createSchoolResolver, planOrganization } from "./validate-organization";
import { planUsers } from "./validate-users";

function activeRows<Row extends { status: string | null }>(file: { rows: Row[] } | undefined): Row[] {
  return (file?.rows ?? []).filter((row) => row.status !== "tobedeleted");
}

/** Notes every sourcedId the set refers to, so what the set does not hold is looked up in one query per kind. */
function wantReferences(ctx: ValidationContext): void {
  const { files } = ctx.set;
  const { orgs, terms, courses, classes, users, lineItems, results } = ctx.index;
  for (const row of activeRows(files.orgs)) orgs.want(row.parentSourcedId);
  for (const row of activeRows(files.academicSessions)) terms.want(row.parentSourcedId);
  for (const row of activeRows(files.courses)) orgs.want(row.orgSourcedId);
  for (const row of activeRows(files.classes)) {
    orgs.want(row.schoolSourcedId);
    courses.want(row.courseSourcedId);
    for (const sid of row.termSourcedIds) terms.want(sid);
  }
  for (const row of activeRows(files.users)) {
    for (const sid of row.orgSourcedIds) orgs.want(sid);
    orgs.want(row.primaryOrgSourcedId);
    for (const sid of row.agentSourcedIds) users.want(sid);
  }
  for (const row of activeRows(files.roles)) {
    orgs.want(row.orgSourcedId);
    users.want(row.userSourcedId);
  }
  for (const row of activeRows(files.enrollments)) {
    classes.want(row.classSourcedId);
    users.want(row.userSourcedId);
  }
  for (const row of activeRows(files.demographics)) users.want(row.sourcedId);
  for (const row of activeRows(files.lineItems)) classes.want(row.classSourcedId);
  for (const row of activeRows(files.results)) {
    lineItems.want(row.lineItemSourcedId);
    users.want(row.studentSourcedId);
    classes.want(row.classSourcedId);
  }
  for (const row of activeRows(files.lineItemLearningObjectiveIds)) lineItems.want(row.lineItemSourcedId);
  for (const row of activeRows(files.lineItemScoreScales)) lineItems.want(row.lineItemSourcedId);
  for (const row of activeRows(files.resultLearningObjectiveIds)) results.want(row.resultSourcedId);
  for (const row of activeRows(files.resultScoreScales)) results.want(row.resultSourcedId);
}

/** The ids of what the set refers to and the district already has (not archived). */
function knownIds(ctx: ValidationContext): IdMaps {
  const active = (index: RefIndex) =>
    new Map([...index.db].flatMap(([sid, row]) => (row.archived ? [] : [[sid, row.id] as [string, string]])));
  const users = [...ctx.index.users.db].filter(([, row]) => !row.archived);
  return {
    schools: active(ctx.index.orgs),
    terms: active(ctx.index.terms),
    courses: active(ctx.index.courses),
    classes: active(ctx.index.classes),
    students: new Map(users.flatMap(([sid, row]) => (row.kind === "student" ? [[sid, row.id]] : []))),
    people: new Map(users.flatMap(([sid, row]) => (row.kind === "person" ? [[sid, row.id]] : []))),
    assessments: active(ctx.index.lineItems),
  };
}

/**
 * Checks a whole set against itself and the district, before anything is written, and decides what the
 * import will do. Runs inside the import's transaction so what it reads cannot change before the writes.
 */
export async function validateRoster(
  client: pg.PoolClient,
  input: { districtId: string; districtSlug: string; set: RosterSet; problems: ProblemList },
): Promise<{ plan: RosterPlan; ids: IdMaps }> {
  const { set } = input;
  const ctx: ValidationContext = {
    ...input,
    client,
    index: {
      orgs: new RefIndex("org", set.files.orgs),
      terms: new RefIndex("academic session", set.files.academicSessions),
      courses: new RefIndex("course", set.files.courses),
      classes: new RefIndex("class", set.files.classes),
      users: new RefIndex<KnownUser>("user", set.files.users),
      lineItems: new RefIndex("line item", set.files.lineItems),
      results: new RefIndex<KnownResult>("result", set.files.results),
    },
  };
  wantReferences(ctx);
  await lookUpSourced(client, input.districtId, ctx.index.orgs, "schools");
  await lookUpSourced(client, input.districtId, ctx.index.terms, "terms");
  await lookUpSourced(client, input.districtId, ctx.index.courses, "courses");
  await lookUpSourced(client, input.districtId, ctx.index.classes, "classes");
  await lookUpUsers(client, input.districtId, ctx.index.users);
  await lookUpAssessments(client, input.districtId, ctx.index.lineItems);
  await lookUpResults(client, input.districtId, ctx.index.results);

  const plan = emptyPlan();
  const bulkOf = {
    orgs: "orgs",
    academicSessions: "terms",
    courses: "courses",
    classes: "classes",
    users: "users",
    enrollments: "enrollments",
    demographics: "demographics",
    lineItems: "lineItems",
    results: "results",
  } as const;
  for (const [file, entity] of Object.entries(bulkOf)) {
    if (set.files[file as keyof typeof bulkOf]?.mode === "bulk") plan.bulk.add(entity);
  }
  const schools = createSchoolResolver(ctx);
  await planOrganization(ctx, plan, schools);
  await planUsers(ctx, plan, schools);
  planEnrollments(ctx, plan);
  await planGradebook(ctx, plan);
  for (const skipped of set.skipped) plan.skippedCounts[skipped.file] = skipped.rows;
  return { plan, ids: knownIds(ctx) };
}
