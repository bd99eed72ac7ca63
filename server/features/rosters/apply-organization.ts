import type pg from "pg";
import type { RosterPlan } from "./roster-plan";
import { archiveRemoved, countOf, type ImportCounts, joinList, type Tick, upsertBySourcedId } from "./sql-batch";

/** sourcedId -> id of everything the import has written or found, per kind. */
export type IdMaps = {
  schools: Map<string, string>;
  terms: Map<string, string>;
  courses: Map<string, string>;
  classes: Map<string, string>;
  students: Map<string, string>;
  people: Map<string, string>;
  assessments: Map<string, string>;
};

export type ApplyContext = {
  client: pg.PoolClient;
  districtId: string;
  plan: RosterPlan;
  ids: IdMaps;
  counts: ImportCounts;
  tick: Tick;
  /** PostgreSQL takes COPY on this connection (PGlite does not): first imports of big tables use it. */
  canCopy: boolean;
};

const LIST = "string_to_array($LIST, chr(31))";
const list = (param: string) => LIST.replace("$LIST", param);

/** Schools (from orgs), terms, courses and classes, with what the files remove archived. */
export async function applyOrganization(a: ApplyContext): Promise<void> {
  const { client, districtId, plan, ids, counts, tick } = a;
  const schools = countOf(counts, "schools");
  const matched = plan.schools.filter((s) => s.matchId !== null);
  if (matched.length) {
    await client.query(
      `update schools s set sourced_id = u.sid, archived_at = null, updated_at = now()
         from unnest($1::uuid[], $2::text[]) u(id, sid) where s.id = u.id`,
      [matched.map((s) => s.matchId), matched.map((s) => s.sourcedId)],
    );
    for (const school of matched) ids.schools.set(school.sourcedId, school.matchId as string);
    schools.updated += matched.length;
  }
  await upsertBySourcedId(client, {
    table: "schools",
    districtId,
    rows: plan.schools.filter((s) => s.matchId === null),
    sourcedId: (s) => s.sourcedId,
    statement: `insert into schools (district_id, sourced_id, name, level)
      select $1, u.sid, u.name, u.level::school_level from unnest($2::text[], $3::text[], $4::text[]) u(sid, name, level)
      on conflict (district_id, sourced_id) do update set name = excluded.name, archived_at = null, updated_at = now()
        where (schools.name, schools.archived_at) is distinct from (excluded.name, null)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [districtId, batch.map((s) => s.sourcedId), batch.map((s) => s.name), batch.map((s) => s.level)],
    count: schools,
    tick,
    ids: ids.schools,
  });
  schools.deleted += await archiveRemoved(client, "schools", districtId, {
    deleted: plan.deleted.schools,
    ...(plan.bulk.has("orgs") ? { keep: plan.schools.map((s) => s.sourcedId) } : {}),
  });
  if (plan.otherOrgs) countOf(counts, "schools").skipped = plan.otherOrgs;

  const terms = countOf(counts, "terms");
  await upsertBySourcedId(client, {
    table: "terms",
    districtId,
    rows: plan.terms,
    sourcedId: (t) => t.sourcedId,
    statement: `insert into terms (district_id, sourced_id, title, type, start_date, end_date, parent_sourced_id, school_year)
      select $1, u.* from unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[])
        u(sid, title, type, starts, ends, parent, year)
      on conflict (district_id, sourced_id) do update set title = excluded.title, type = excluded.type,
        start_date = excluded.start_date, end_date = excluded.end_date, parent_sourced_id = excluded.parent_sourced_id,
        school_year = excluded.school_year, archived_at = null, updated_at = now()
      where (terms.title, terms.type, terms.start_date, terms.end_date, terms.parent_sourced_id, terms.school_year,
             terms.archived_at) is distinct from (excluded.title, excluded.type, excluded.start_date, excluded.end_date,
             excluded.parent_sourced_id, excluded.school_year, null)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [
      districtId,
      batch.map((t) => t.sourcedId),
      batch.map((t) => t.title),
      batch.map((t) => t.type),
      batch.map((t) => t.startDate),
      batch.map((t) => t.endDate),
      batch.map((t) => t.parentSourcedId),
      batch.map((t) => t.schoolYear),
    ],
    count: terms,
    tick,
    ids: ids.terms,
  });
  terms.deleted += await archiveRemoved(client, "terms", districtId, {
    deleted: plan.deleted.terms,
    ...(plan.bulk.has("terms") ? { keep: plan.terms.map((t) => t.sourcedId) } : {}),
  });

  const courses = countOf(counts, "courses");
  await upsertBySourcedId(client, {
    table: "courses",
    districtId,
    rows: plan.courses,
    sourcedId: (c) => c.row.sourcedId,
    statement: `insert into courses (district_id, sourced_id, school_id, title, course_code, grades, subjects)
      select $1, u.sid, u.school, u.title, u.code, ${list("u.grades")}, ${list("u.subjects")}
        from unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
          u(sid, school, title, code, grades, subjects)
      on conflict (district_id, sourced_id) do update set school_id = excluded.school_id, title = excluded.title,
        course_code = excluded.course_code, grades = excluded.grades, subjects = excluded.subjects,
        archived_at = null, updated_at = now()
      where (courses.school_id, courses.title, courses.course_code, courses.grades, courses.subjects, courses.archived_at)
        is distinct from (excluded.school_id, excluded.title, excluded.course_code, excluded.grades, excluded.subjects, null)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [
      districtId,
      batch.map((c) => c.row.sourcedId),
      batch.map((c) => (c.schoolSourcedId ? (ids.schools.get(c.schoolSourcedId) ?? null) : null)),
      batch.map((c) => c.row.title),
      batch.map((c) => c.row.courseCode),
      batch.map((c) => joinList(c.row.grades)),
      batch.map((c) => joinList(c.row.subjects)),
    ],
    count: courses,
    tick,
    ids: ids.courses,
  });
  courses.deleted += await archiveRemoved(client, "courses", districtId, {
    deleted: plan.deleted.courses,
    ...(plan.bulk.has("courses") ? { keep: plan.courses.map((c) => c.row.sourcedId) } : {}),
  });

  await applyClasses(a);
}

async function applyClasses({ client, districtId, plan, ids, counts, tick }: ApplyContext): Promise<void> {
  const classes = countOf(counts, "classes");
  await upsertBySourcedId(client, {
    table: "classes",
    districtId,
    rows: plan.classes,
    sourcedId: (c) => c.row.sourcedId,
    statement: `insert into classes (district_id, sourced_id, school_id, course_id, term_ids, title, class_code, class_type,
        grades, subjects, periods, location)
      select $1, u.sid, u.school, u.course, ${list("u.terms")}::uuid[], u.title, u.code, u.type,
        ${list("u.grades")}, ${list("u.subjects")}, ${list("u.periods")}, u.location
        from unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
          $10::text[], $11::text[], $12::text[]) u(sid, school, course, terms, title, code, type, grades, subjects, periods, location)
      on conflict (district_id, sourced_id) do update set school_id = excluded.school_id, course_id = excluded.course_id,
        term_ids = excluded.term_ids, title = excluded.title, class_code = excluded.class_code,
        class_type = excluded.class_type, grades = excluded.grades, subjects = excluded.subjects,
        periods = excluded.periods, location = excluded.location, archived_at = null, updated_at = now()
      where (classes.school_id, classes.course_id, classes.term_ids, classes.title, classes.class_code, classes.class_type,
             classes.grades, classes.subjects, classes.periods, classes.location, classes.archived_at)
        is distinct from (excluded.school_id, excluded.course_id, excluded.term_ids, excluded.title, excluded.class_code,
             excluded.class_type, excluded.grades, excluded.subjects, excluded.periods, excluded.location, null)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [
      districtId,
      batch.map((c) => c.row.sourcedId),
      batch.map((c) => ids.schools.get(c.schoolSourcedId) ?? null),
      batch.map((c) => (c.courseSourcedId ? (ids.courses.get(c.courseSourcedId) ?? null) : null)),
      batch.map((c) => joinList(c.termSourcedIds.flatMap((sid) => ids.terms.get(sid) ?? []))),
      batch.map((c) => c.row.title),
      batch.map((c) => c.row.classCode),
      batch.map((c) => c.row.classType),
      batch.map((c) => joinList(c.row.grades)),
      batch.map((c) => joinList(c.row.subjects)),
      batch.map((c) => joinList(c.row.periods)),
      batch.map((c) => c.row.location),
    ],
    count: classes,
    tick,
    ids: ids.classes,
  });
  classes.deleted += await archiveRemoved(client, "classes", districtId, {
    deleted: plan.deleted.classes,
    ...(plan.bulk.has("classes") ? { keep: plan.classes.map((c) => c.row.sourcedId) } : {}),
  });
}
