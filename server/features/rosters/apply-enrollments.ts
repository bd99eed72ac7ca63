import type { ApplyContext } from "./apply-organization";
import type { EnrollmentRow } from "./file-specs";
import { batches, countOf, type EntityCount } from "./sql-batch";

type Enrollment = { sid: string; classId: string; memberId: string; row: EnrollmentRow };

const TABLES = {
  students: { table: "class_students", member: "student_id" },
  teachers: { table: "class_teachers", member: "person_id" },
} as const;

/** Enrollments: students into class_students, teachers (and administrators, proctors) into class_teachers. */
export async function applyEnrollments(a: ApplyContext): Promise<void> {
  const { plan, ids } = a;
  const count = countOf(a.counts, "enrollments");
  const resolve = (rows: EnrollmentRow[], members: Map<string, string>): Enrollment[] =>
    rows.flatMap((row) => {
      const classId = a.ids.classes.get(row.classSourcedId);
      const memberId = members.get(row.userSourcedId);
      return classId && memberId ? [{ sid: row.sourcedId, classId, memberId, row }] : [];
    });
  await upsertEnrollments(a, "students", resolve(plan.classStudents, ids.students), count);
  await upsertEnrollments(a, "teachers", resolve(plan.classTeachers, ids.people), count);
  await removeEnrollments(a, count);
  await applyDemographics(a);
}

async function upsertEnrollments(
  { client, districtId, tick }: ApplyContext,
  kind: keyof typeof TABLES,
  rows: Enrollment[],
  count: EntityCount,
): Promise<void> {
  const { table, member } = TABLES[kind];
  const extra =
    kind === "students"
      ? { columns: "begin_date, end_date", types: "$5::date[], $6::date[]", names: "b, e", set: ["begin_date", "end_date"] }
      : { columns: "is_primary", types: "$5::boolean[]", names: "p", set: ["is_primary"] };
  const setClause = ["sourced_id", ...extra.set].map((c) => `${c} = excluded.${c}`).join(", ");
  const compare = ["sourced_id", ...extra.set];
  for (const batch of batches(rows)) {
    const params: unknown[] = [
      districtId,
      batch.map((r) => r.classId),
      batch.map((r) => r.memberId),
      batch.map((r) => r.sid),
      ...(kind === "students"
        ? [batch.map((r) => r.row.beginDate), batch.map((r) => r.row.endDate)]
        : [batch.map((r) => r.row.primary ?? false)]),
    ];
    // An enrollment whose sourcedId now names another class or user: the old row goes, the new one is written.
    const { rows: moved } = await client.query<{ sourced_id: string; class_id: string; member_id: string }>(
      `select sourced_id, class_id, ${member} as member_id from ${table}
        where district_id = $1 and sourced_id = any($2::text[])`,
      [districtId, batch.map((r) => r.sid)],
    );
    const wanted = new Map(batch.map((r) => [r.sid, r]));
    const stale = moved.filter((m) => {
      const row = wanted.get(m.sourced_id);
      return row && (row.classId !== m.class_id || row.memberId !== m.member_id);
    });
    if (stale.length) {
      await client.query(`delete from ${table} where district_id = $1 and sourced_id = any($2::text[])`, [
        districtId,
        stale.map((m) => m.sourced_id),
      ]);
    }
    const { rows: written } = await client.query<{ inserted: boolean }>(
      `insert into ${table} (district_id, class_id, ${member}, sourced_id, ${extra.columns})
       select $1, u.* from unnest($2::uuid[], $3::uuid[], $4::text[], ${extra.types}) u(c, m, sid, ${extra.names})
       on conflict (class_id, ${member}) do update set ${setClause}
       where (${compare.map((c) => `${table}.${c}`).join(", ")}) is distinct from (${compare.map((c) => `excluded.${c}`).join(", ")})
       returning (xmax = 0) as inserted`,
      params,
    );
    for (const row of written) {
      if (row.inserted) count.created += 1;
      else count.updated += 1;
    }
    tick(batch.length);
  }
}

/** Delta: enrollments marked tobedeleted go. Bulk: every imported enrollment the file lacks goes. */
async function removeEnrollments({ client, districtId, plan }: ApplyContext, count: EntityCount): Promise<void> {
  for (const { table } of Object.values(TABLES)) {
    if (plan.deleted.enrollments.length) {
      const result = await client.query(
        `delete from ${table} t where t.district_id = $1 and t.sourced_id = any($2::text[])`,
        [districtId, plan.deleted.enrollments],
      );
      count.deleted += result.rowCount ?? 0;
    }
    if (plan.bulk.has("enrollments")) {
      const keep = [...plan.classStudents, ...plan.classTeachers].map((r) => r.sourcedId);
      const result = await client.query(
        `delete from ${table} t where t.district_id = $1 and t.sourced_id is not null
            and not exists (select from unnest($2::text[]) k(sid) where k.sid = t.sourced_id)`,
        [districtId, keep],
      );
      count.deleted += result.rowCount ?? 0;
    }
  }
}

async function applyDemographics({ client, districtId, plan, ids, counts, tick }: ApplyContext): Promise<void> {
  const count = countOf(counts, "demographics");
  const rows = plan.demographics.flatMap((row) => {
    const studentId = ids.students.get(row.sourcedId);
    return studentId ? [{ studentId, row }] : [];
  });
  type Demo = (typeof rows)[number];
  const columns: [string, string, (r: Demo) => string | boolean | null][] = [
    ["birth_date", "date", (r) => r.row.birthDate],
    ["sex", "text", (r) => r.row.sex?.toLowerCase() ?? null],
    ["american_indian_or_alaska_native", "boolean", (r) => r.row.americanIndianOrAlaskaNative],
    ["asian", "boolean", (r) => r.row.asian],
    ["black_or_african_american", "boolean", (r) => r.row.blackOrAfricanAmerican],
    ["native_hawaiian_or_other_pacific_islander", "boolean", (r) => r.row.nativeHawaiianOrOtherPacificIslander],
    ["white", "boolean", (r) => r.row.white],
    ["two_or_more_races", "boolean", (r) => r.row.demographicRaceTwoOrMoreRaces],
    ["hispanic_or_latino", "boolean", (r) => r.row.hispanicOrLatinoEthnicity],
    ["country_of_birth_code", "text", (r) => r.row.countryOfBirthCode],
    ["state_of_birth_abbreviation", "text", (r) => r.row.stateOfBirthAbbreviation],
    ["city_of_birth", "text", (r) => r.row.cityOfBirth],
    ["public_school_residence_status", "text", (r) => r.row.publicSchoolResidenceStatus],
  ];
  const names = columns.map(([name]) => name);
  const types = columns.map(([, type], i) => `$${i + 3}::${type}[]`).join(", ");
  for (const batch of batches(rows)) {
    const { rows: written } = await client.query<{ inserted: boolean }>(
      `insert into student_demographics (district_id, student_id, ${names.join(", ")})
       select $1, u.* from unnest($2::uuid[], ${types}) u(student_id, ${names.join(", ")})
       on conflict (student_id) do update set ${names.map((n) => `${n} = excluded.${n}`).join(", ")}
       where (${names.map((n) => `student_demographics.${n}`).join(", ")})
         is distinct from (${names.map((n) => `excluded.${n}`).join(", ")})
       returning (xmax = 0) as inserted`,
      [districtId, batch.map((r) => r.studentId), ...columns.map(([, , value]) => batch.map((r) => value(r)))],
    );
    for (const row of written) {
      if (row.inserted) count.created += 1;
      else count.updated += 1;
    }
    tick(batch.length);
  }
  const removed: string[] = [...plan.deleted.demographics];
  if (removed.length) {
    const result = await client.query(
      `delete from student_demographics d using students s
        where d.student_id = s.id and s.district_id = $1 and s.sourced_id = any($2::text[])`,
      [districtId, removed],
    );
    count.deleted += result.rowCount ?? 0;
  }
  if (plan.bulk.has("demographics")) {
    const result = await client.query(
      `delete from student_demographics d using students s
        where d.student_id = s.id and s.district_id = $1 and s.sourced_id is not null
          and not exists (select from unnest($2::text[]) k(sid) where k.sid = s.sourced_id)`,
      [districtId, plan.demographics.map((r) => r.sourcedId)],
    );
    count.deleted += result.rowCount ?? 0;
  }
}
