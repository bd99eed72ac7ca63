import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../../server/db/client";
import type { RosterPlan } from "../../server/demo/large-district/plan-roster";

/*
 * The reference for the import benchmark: the rows a OneRoster import of `plan` writes, loaded into the
 * same tables with raw COPY (ids made up front, no parsing, no validation, no upserts).
 */

type Table = { table: string; columns: string[]; rows: unknown[][] };

const array = (values: readonly string[]) => `{${values.join(",")}}`;

/** The plan as rows of the project's own tables, for a district that already exists. */
export function tablesFor(plan: RosterPlan, districtId: string, emailPrefix: string): Table[] {
  const ids = new Map<string, string>();
  const id = (sourcedId: string) => {
    const known = ids.get(sourcedId);
    if (known) return known;
    const value = randomUUID();
    ids.set(sourcedId, value);
    return value;
  };
  const year = plan.schoolYear;
  const staffAndFamily = [
    ...plan.teachers.map((t) => ({ ...t, role: "teacher", schoolId: id(t.schoolSourcedId) })),
    ...plan.guardians.map((g) => ({ ...g, role: "family_member", schoolId: null })),
  ];
  const classById = new Map(plan.classes.map((c) => [c.sourcedId, c]));
  return [
    {
      table: "schools",
      columns: ["id", "district_id", "name", "level", "sourced_id"],
      rows: plan.schools.map((s) => [id(s.sourcedId), districtId, s.name, s.level, s.sourcedId]),
    },
    {
      table: "terms",
      columns: ["id", "district_id", "sourced_id", "title", "type", "start_date", "end_date", "school_year"],
      rows: [
        [
          id(year.sourcedId),
          districtId,
          year.sourcedId,
          year.title,
          "schoolYear",
          year.startDate,
          year.endDate,
          year.year,
        ],
      ],
    },
    {
      table: "courses",
      columns: ["id", "district_id", "sourced_id", "title", "course_code", "grades", "subjects"],
      rows: plan.courses.map((c) => [
        id(c.sourcedId),
        districtId,
        c.sourcedId,
        c.title,
        c.sourcedId.toUpperCase(),
        array([c.grade]),
        array([c.subject]),
      ]),
    },
    {
      table: "classes",
      columns: [
        "id",
        "district_id",
        "school_id",
        "course_id",
        "term_ids",
        "sourced_id",
        "title",
        "class_code",
        "class_type",
        "grades",
        "subjects",
      ],
      rows: plan.classes.map((c) => [
        id(c.sourcedId),
        districtId,
        id(c.schoolSourcedId),
        id(c.courseSourcedId),
        array([id(year.sourcedId)]),
        c.sourcedId,
        c.title,
        c.sourcedId.toUpperCase(),
        c.subjects.length > 1 ? "homeroom" : "scheduled",
        array([c.grade]),
        array(c.subjects),
      ]),
    },
    {
      table: "people",
      columns: ["id", "district_id", "email", "display_name", "status", "sourced_id"],
      rows: staffAndFamily.map((p) => [
        id(p.sourcedId),
        districtId,
        `${emailPrefix}${p.email}`,
        `${p.givenName} ${p.familyName}`,
        "invited",
        p.sourcedId,
      ]),
    },
    {
      table: "role_assignments",
      columns: ["id", "district_id", "person_id", "role", "school_id"],
      rows: staffAndFamily.map((p) => [randomUUID(), districtId, id(p.sourcedId), p.role, p.schoolId]),
    },
    {
      table: "students",
      columns: ["id", "district_id", "school_id", "given_name", "family_name", "grade", "identifier", "sourced_id"],
      rows: plan.students.map((s) => [
        id(s.sourcedId),
        districtId,
        id(s.schoolSourcedId),
        s.givenName,
        s.familyName,
        s.grade,
        s.identifier,
        s.sourcedId,
      ]),
    },
    {
      table: "class_students",
      columns: ["district_id", "class_id", "student_id", "sourced_id", "begin_date", "end_date"],
      rows: plan.enrollments
        .filter((e) => e.role === "student")
        .map((e) => [districtId, id(e.classSourcedId), id(e.userSourcedId), e.sourcedId, year.startDate, year.endDate]),
    },
    {
      table: "class_teachers",
      columns: ["district_id", "class_id", "person_id", "sourced_id", "is_primary"],
      rows: plan.enrollments
        .filter((e) => e.role === "teacher" && classById.has(e.classSourcedId))
        .map((e) => [districtId, id(e.classSourcedId), id(e.userSourcedId), e.sourcedId, "true"]),
    },
    {
      table: "family_links",
      columns: ["id", "district_id", "person_id", "student_id", "relationship"],
      rows: plan.guardians.map((g) => [randomUUID(), districtId, id(g.sourcedId), id(g.studentSourcedId), "guardian"]),
    },
    {
      table: "student_demographics",
      columns: [
        "student_id",
        "district_id",
        "birth_date",
        "sex",
        "american_indian_or_alaska_native",
        "asian",
        "black_or_african_american",
        "native_hawaiian_or_other_pacific_islander",
        "white",
        "two_or_more_races",
        "hispanic_or_latino",
        "country_of_birth_code",
      ],
      rows: plan.students.map((s) => {
        const flag = (race: string) => String(s.race === race);
        return [
          id(s.sourcedId),
          districtId,
          s.birthDate,
          s.sex,
          flag("native"),
          flag("asian"),
          flag("black"),
          flag("pacific"),
          flag("white"),
          flag("two"),
          String(s.hispanic),
          "US",
        ];
      }),
    },
  ];
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  const quoted = columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(", ");
  return `copy "${table.replaceAll('"', '""')}" (${quoted}) from ${source} with (format csv)`;
}

/** Bulk-loads CSV text with COPY: from STDIN on PostgreSQL, from PGlite's '/dev/blob' on the embedded database. */
async function copyFromCsv(database: Database, table: string, columns: readonly string[], csv: string) {
  if (database.withBlob) return database.withBlob(copyStatement(table, columns, "'/dev/blob'"), csv);
  const client = await database.pool.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyFrom(copyStatement(table, columns, "stdin"))));
  } finally {
    client.release();
  }
}

/** COPYs every table (CSV built beforehand, so only the load is timed); returns rows written and seconds. */
export async function copyReference(database: Database, tables: Table[]): Promise<{ rows: number; seconds: number }> {
  const csv = tables.map((t) => ({
    ...t,
    text: stringify(t.rows.map((row) => row.map((v) => (v === null ? "" : v)))),
  }));
  const started = performance.now();
  for (const t of csv) await copyFromCsv(database, t.table, t.columns, t.text);
  return { rows: tables.reduce((sum, t) => sum + t.rows.length, 0), seconds: (performance.now() - started) / 1000 };
}
