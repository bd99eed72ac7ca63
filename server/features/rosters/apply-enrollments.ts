import type { ApplyContext } from "./apply-organization";
import type { EnrollmentRow } from "./file-specs";
import { copyRows, countOf, type EntityCount, importedNotIn, pipelined } from "./sql-batch";

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
  { client, districtId, tick, canCopy }: ApplyContext,
  kind: keyof typeof TABLES,
  rows: Enrollment[],
  count: EntityCount,
): Promise<void> {
  const { table, member } = TABLES[kind];
  const extra =
    kind === "students"
      ? {
          columns: "begin_date, end_date",
          types: "$5::date[], $6::date[]",
          names: "b, e",
          set: ["begin_date", "end_date"],
        }
      : { columns: "is_primary", types: "$5::boolean[]", names: "p", set: ["is_primary"] };
  const setClause = ["sourced_id", ...extra.set].map((c) => `${c} = excluded.${c}`).join(", ");
  const compare = ["sourced_id", ...extra.set];
  // An enrollment whose sourcedId now names another class or user: the old row goes, the new one is written.
  const { rows: known } = await client.query<{ sourced_id: string; class_id: string; member_id: string }>(
    `select sourced_id, class_id, ${member} as member_id from ${table} where district_id = $1 and sourced_id is not null`,
    [districtId],
  );
  const existing = new Map(known.map((k) => [k.sourced_id, k]));
  // A district's first import has nothing to conflict with: a plain insert is what COPY would do.
  const { rows: any } = await client.query(`select 1 from ${table} where district_id = $1 limit 1`, [districtId]);
  const isFirst = any.length === 0;
  const conflict = isFirst
    ? ""
    : `on conflict (class_id, ${member}) do update set ${setClause}
       where (${compare.map((c) => `${table}.${c}`).join(", ")}) is distinct from (${compare.map((c) => `excluded.${c}`).join(", ")})
       returning (xmax = 0) as inserted`;
  if (isFirst && canCopy && kind === "students") {
    const copied = await copyRows(
      client,
      table,
      ["district_id", "class_id", member, "sourced_id", "begin_date", "end_date"],
      rows.map((r) => [districtId, r.classId, r.memberId, r.sid, r.row.beginDate, r.row.endDate]),
    );
    count.created += copied;
    tick(copied);
    return;
  }
  await pipelined(rows, async (batch) => {
    const params: unknown[] = [
      districtId,
      batch.map((r) => r.classId),
      batch.map((r) => r.memberId),
      batch.map((r) => r.sid),
      ...(kind === "students"
        ? [batch.map((r) => r.row.beginDate), batch.map((r) => r.row.endDate)]
        : [batch.map((r) => r.row.primary ?? false)]),
    ];
    const stale = batch.flatMap((r) => {
      const was = existing.get(r.sid);
      return was && (was.class_id !== r.classId || was.member_id !== r.memberId) ? [r.sid] : [];
    });
    if (stale.length) {
      await client.query(`delete from ${table} where district_id = $1 and sourced_id = any($2::text[])`, [
        districtId,
        stale,
      ]);
    }
    const result = await client.query<{ inserted: boolean }>(
      `insert into ${table} (district_id, class_id, ${member}, sourced_id, ${extra.columns})
       select $1, u.* from unnest($2::uuid[], $3::uuid[], $4::text[], ${extra.types}) u(c, m, sid, ${extra.names})
       ${conflict}`,
      params,
    );
    if (isFirst) count.created += result.rowCount ?? 0;
    for (const row of result.rows) {
      if (row.inserted) count.created += 1;
      else count.updated += 1;
    }
    tick(batch.length);
  });
}

/** Delta: enrollments marked tobedeleted go. Bulk: every imported enrollment the file lacks goes. */
async function removeEnrollments({ client, districtId, plan }: ApplyContext, count: EntityCount): Promise<void> {
  const keep = [...plan.classStudents, ...plan.classTeachers].map((r) => r.sourcedId);
  for (const { table } of Object.values(TABLES)) {
    const removed = [...plan.deleted.enrollments];
    if (plan.bulk.has("enrollments")) {
      const query = `select sourced_id from ${table} where district_id = $1 and sourced_id is not null`;
      removed.push(...(await importedNotIn(client, query, [districtId], keep)));
    }
    if (removed.length === 0) continue;
    const result = await client.query(
      `delete from ${table} t where t.district_id = $1 and t.sourced_id = any($2::text[])`,
      [districtId, removed],
    );
    count.deleted += result.rowCount ?? 0;
  }
}

async function applyDemographics({
  client,
  districtId,
  plan,
  ids,
  counts,
  tick,
  canCopy,
}: ApplyContext): Promise<void> {
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
  const { rows: any } = await client.query("select 1 from student_demographics where district_id = $1 limit 1", [
    districtId,
  ]);
  const isFirst = any.length === 0;
  const conflict = isFirst
    ? ""
    : `on conflict (student_id) do update set ${names.map((n) => `${n} = excluded.${n}`).join(", ")}
       where (${names.map((n) => `student_demographics.${n}`).join(", ")})
         is distinct from (${names.map((n) => `excluded.${n}`).join(", ")})
       returning (xmax = 0) as inserted`;
  if (isFirst && canCopy) {
    const copied = await copyRows(
      client,
      "student_demographics",
      ["district_id", "student_id", ...names],
      rows.map((r) => [districtId, r.studentId, ...columns.map(([, , value]) => value(r))]),
    );
    count.created += copied;
    tick(copied);
  } else {
    await pipelined(rows, async (batch) => {
      const result = await client.query<{ inserted: boolean }>(
        `insert into student_demographics (district_id, student_id, ${names.join(", ")})
       select $1, u.* from unnest($2::uuid[], ${types}) u(student_id, ${names.join(", ")})
       ${conflict}`,
        [districtId, batch.map((r) => r.studentId), ...columns.map(([, , value]) => batch.map((r) => value(r)))],
      );
      if (isFirst) count.created += result.rowCount ?? 0;
      for (const row of result.rows) {
        if (row.inserted) count.created += 1;
        else count.updated += 1;
      }
      tick(batch.length);
    });
  }
  const removed: string[] = [...plan.deleted.demographics];
  if (plan.bulk.has("demographics")) {
    const query = `select s.sourced_id from student_demographics d join students s on s.id = d.student_id
      where d.district_id = $1 and s.sourced_id is not null`;
    removed.push(
      ...(await importedNotIn(
        client,
        query,
        [districtId],
        plan.demographics.map((r) => r.sourcedId),
      )),
    );
  }
  if (removed.length === 0) return;
  const result = await client.query(
    `delete from student_demographics d using students s
      where d.student_id = s.id and s.district_id = $1 and s.sourced_id = any($2::text[])`,
    [districtId, removed],
  );
  count.deleted += result.rowCount ?? 0;
}
