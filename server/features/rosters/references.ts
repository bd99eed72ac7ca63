import type pg from "pg";
import type { ParsedFile } from "./parse-rows";
import type { ProblemList } from "./problems";

export type RefState = "active" | "deleted" | "refused" | "archived" | "missing";

type DbRow = { id: string; archived: boolean };

/**
 * What one kind of object (classes, users…) a file set can refer to: the rows of its own file (active,
 * to be deleted, or refused for errors) and, for sourcedIds not in the file, what the district already has.
 */
export class RefIndex<Db extends DbRow = DbRow> {
  readonly active = new Set<string>();
  readonly deleted = new Set<string>();
  readonly refused = new Set<string>();
  readonly db = new Map<string, Db>();
  /** sourcedIds referred to but not in the file: looked up in the database before checking. */
  readonly wanted = new Set<string>();

  constructor(
    /** What the objects are called in messages: "class", "user"… */
    readonly noun: string,
    file?: ParsedFile<{ sourcedId: string; status: string | null }>,
  ) {
    if (!file) return;
    for (const row of file.rows) (row.status === "tobedeleted" ? this.deleted : this.active).add(row.sourcedId);
    for (const sourcedId of file.refused) this.refused.add(sourcedId);
  }

  want(sourcedId: string | null | undefined): void {
    if (!sourcedId || this.active.has(sourcedId) || this.deleted.has(sourcedId) || this.refused.has(sourcedId)) return;
    this.wanted.add(sourcedId);
  }

  state(sourcedId: string): RefState {
    if (this.active.has(sourcedId)) return "active";
    if (this.deleted.has(sourcedId)) return "deleted";
    if (this.refused.has(sourcedId)) return "refused";
    const known = this.db.get(sourcedId);
    if (known) return known.archived ? "archived" : "active";
    return "missing";
  }
}

export type Where = { file: string; line: number; column: string };

/**
 * Checks one reference. Usable when the object is active in the set or in the district. An object this set
 * deletes (or the district archived) makes the referring row skipped with a warning; a refused row was
 * reported already; a missing one is reported at `onMissing` severity.
 */
export function checkRef(
  problems: ProblemList,
  where: Where,
  index: RefIndex,
  sourcedId: string,
  onMissing: "error" | "warning" | "silent",
  consequence = "",
): boolean {
  const state = index.state(sourcedId);
  if (state === "active") return true;
  if (state === "deleted" || state === "archived") {
    const how = state === "deleted" ? "is deleted by this set" : "has been removed";
    problems.warn(
      where.file,
      where.line,
      where.column,
      `The ${index.noun} "${sourcedId}" ${how}; ${consequence || "row skipped."}`,
    );
    return false;
  }
  if (state === "refused") return false;
  const tail = consequence ? `; ${consequence}` : ".";
  const message = `"${sourcedId}" names no ${index.noun} in this set or already in the district${tail}`;
  if (onMissing === "error") problems.error(where.file, where.line, where.column, message);
  else if (onMissing === "warning") problems.warn(where.file, where.line, where.column, message);
  return false;
}

/** Fills index.db with the district's rows of `table` whose sourcedId the set wants, in one query. */
export async function lookUpSourced(
  client: pg.PoolClient,
  districtId: string,
  index: RefIndex,
  table: "schools" | "terms" | "courses" | "classes",
): Promise<void> {
  if (index.wanted.size === 0) return;
  const { rows } = await client.query<{ sourced_id: string; id: string; archived: boolean }>(
    `select t.sourced_id, t.id, t.archived_at is not null as archived
       from ${table} t where t.sourced_id = any($2::text[]) and t.district_id = $1`,
    [districtId, [...index.wanted]],
  );
  for (const row of rows) index.db.set(row.sourced_id, { id: row.id, archived: row.archived });
}

/** A user already in the district: a student, or a person (with whether they hold a family-member role). */
export type KnownUser = DbRow & { kind: "student" | "person"; isFamily: boolean };

/** Users the set refers to but does not hold, from students and people, in two queries. */
export async function lookUpUsers(
  client: pg.PoolClient,
  districtId: string,
  index: RefIndex<KnownUser>,
): Promise<void> {
  if (index.wanted.size === 0) return;
  const wanted = [...index.wanted];
  const students = await client.query<{ sourced_id: string; id: string; archived: boolean }>(
    `select s.sourced_id, s.id, s.archived_at is not null as archived
       from students s where s.sourced_id = any($2::text[]) and s.district_id = $1`,
    [districtId, wanted],
  );
  for (const row of students.rows) {
    index.db.set(row.sourced_id, { id: row.id, archived: row.archived, kind: "student", isFamily: false });
  }
  const people = await client.query<{ sourced_id: string; id: string; archived: boolean; is_family: boolean }>(
    `select p.sourced_id, p.id, p.status = 'deactivated' as archived,
            exists (select 1 from role_assignments r where r.person_id = p.id and r.role = 'family_member') as is_family
       from people p where p.sourced_id = any($2::text[]) and p.district_id = $1`,
    [districtId, wanted],
  );
  for (const row of people.rows) {
    index.db.set(row.sourced_id, { id: row.id, archived: row.archived, kind: "person", isFamily: row.is_family });
  }
}

/** Imported assessments (OneRoster lineItems) the set refers to. */
export async function lookUpAssessments(client: pg.PoolClient, districtId: string, index: RefIndex): Promise<void> {
  if (index.wanted.size === 0) return;
  const { rows } = await client.query<{ sourced_id: string; id: string }>(
    `select a.sourced_id, a.id from assessments a where a.sourced_id = any($2::text[]) and a.district_id = $1`,
    [districtId, [...index.wanted]],
  );
  for (const row of rows) index.db.set(row.sourced_id, { id: row.id, archived: false });
}

/** A result (sitting) imported before: which assessment and student it is. */
export type KnownResult = DbRow & { assessmentId: string; studentId: string; classId: string | null };

export async function lookUpResults(
  client: pg.PoolClient,
  districtId: string,
  index: RefIndex<KnownResult>,
): Promise<void> {
  if (index.wanted.size === 0) return;
  const { rows } = await client.query<{
    sourced_id: string;
    assessment_id: string;
    student_id: string;
    class_id: string | null;
  }>(
    `select s.sourced_id, s.assessment_id, s.student_id, s.class_id
       from assessment_sittings s where s.sourced_id = any($2::text[]) and s.district_id = $1`,
    [districtId, [...index.wanted]],
  );
  for (const row of rows) {
    index.db.set(row.sourced_id, {
      id: row.sourced_id,
      archived: false,
      assessmentId: row.assessment_id,
      studentId: row.student_id,
      classId: row.class_id,
    });
  }
}
