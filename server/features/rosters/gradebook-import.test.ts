import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { buildDistrict } from "../../test/factories";
import { gradebookSet } from "../../test/gradebook-set";
import { tableCounts } from "../../test/roster-test-support";
import { createTestDatabase } from "../../test/test-db";
import { importOneRoster } from "./import-oneroster";

const CASE_A = "c1f5a6b2-0d5e-4a7c-9d3e-1f2a3b4c5d6e";
const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-gradebook-"));
let database: Database;
let districtId: string;
let standardId: string;
let outcome: Awaited<ReturnType<typeof importOneRoster>>;

beforeAll(async () => {
  database = await createTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
  const { rows: frameworks } = await database.pool.query<{ id: string }>(
    "insert into standard_frameworks (district_id, case_identifier, title) values ($1, 'fw-1', 'Math') returning id",
    [districtId],
  );
  const { rows: standards } = await database.pool.query<{ id: string }>(
    `insert into standards (district_id, framework_id, case_identifier, human_coding_scheme, full_statement)
     values ($1, $2, $3, '5.NF.1', 'Add and subtract fractions with unlike denominators.') returning id`,
    [districtId, frameworks[0]?.id, CASE_A],
  );
  standardId = standards[0]?.id as string;
  outcome = await importOneRoster(database.pool, { districtId, source: gradebookSet(path.join(tmp, "set"), CASE_A) });
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function query<T>(text: string): Promise<T[]> {
  return (await database.pool.query(text, [districtId])).rows as T[];
}

describe("a OneRoster 1.2 gradebook", () => {
  it("imports line items as assessments given to their class", async () => {
    expect(outcome.status, JSON.stringify(outcome.problems)).toBe("succeeded");
    const rows = await query(
      `select a.sourced_id, a.title, to_char(a.given_on, 'YYYY-MM-DD') as given_on, a.community_id, c.sourced_id as class
         from assessments a join assessment_classes ac on ac.assessment_id = a.id join classes c on c.id = ac.class_id
        where a.district_id = $1 order by a.sourced_id`,
    );
    expect(rows).toEqual([
      { sourced_id: "li-1", title: "Fractions check", given_on: "2024-09-10", community_id: null, class: "cls-1" },
      { sourced_id: "li-2", title: "Exit ticket", given_on: "2024-09-11", community_id: null, class: "cls-1" },
      { sourced_id: "li-3", title: "Scale quiz", given_on: "2024-09-12", community_id: null, class: "cls-1" },
    ]);
  });

  it("turns CASE objectives into the standard's district-wide target, others into targets named by their id", async () => {
    const targets = await query<{ code: string; statement: string; standard_id: string | null; community_id: null }>(
      "select code, statement, standard_id, community_id from learning_targets where district_id = $1 order by code",
    );
    expect(targets).toEqual([
      {
        code: "5.NF.1",
        statement: "Add and subtract fractions with unlike denominators.",
        standard_id: standardId,
        community_id: null,
      },
      { code: "LOCAL-7", statement: "Learning objective LOCAL-7", standard_id: null, community_id: null },
    ]);
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message: expect.stringContaining("1 learning objective matches no standard"),
      }),
    );
    const aligned = await query(
      `select a.sourced_id, t.code, x.max_points, x.cut_scores, x.proficient_level from assessment_targets x
         join assessments a on a.id = x.assessment_id join learning_targets t on t.id = x.target_id
        where x.district_id = $1 order by a.sourced_id, t.code`,
    );
    const defaultCuts = [
      { level: 1, minPoints: 0 },
      { level: 2, minPoints: 5 },
      { level: 3, minPoints: 7 },
      { level: 4, minPoints: 9 },
    ];
    const scaleCuts = [1, 2, 3, 4].map((level) => ({ level, minPoints: level }));
    expect(aligned).toEqual([
      { sourced_id: "li-1", code: "5.NF.1", max_points: "10.00", cut_scores: defaultCuts, proficient_level: 3 },
      { sourced_id: "li-1", code: "LOCAL-7", max_points: "10.00", cut_scores: defaultCuts, proficient_level: 3 },
      { sourced_id: "li-3", code: "5.NF.1", max_points: "4.00", cut_scores: scaleCuts, proficient_level: 3 },
    ]);
  });

  it("keeps results as sittings: absent and exempt are marked, not scored", async () => {
    const sittings = await query(
      `select a.sourced_id as li, s.sourced_id as student, x.status, x.sourced_id from assessment_sittings x
         join assessments a on a.id = x.assessment_id join students s on s.id = x.student_id
        where x.district_id = $1 order by 1, 2`,
    );
    expect(sittings).toEqual([
      { li: "li-1", student: "s-1", status: "completed", sourced_id: "r-1" },
      { li: "li-1", student: "s-2", status: "exempt", sourced_id: "r-2" },
      { li: "li-1", student: "s-3", status: "absent", sourced_id: "r-3" },
      { li: "li-2", student: "s-1", status: "completed", sourced_id: "r-4" },
      { li: "li-3", student: "s-1", status: "completed", sourced_id: "r-5" },
    ]);
    const results = await query(
      `select a.sourced_id as li, t.code, s.sourced_id as student, r.points, r.level, to_char(r.assessed_on, 'YYYY-MM-DD') as day
         from target_results r join assessments a on a.id = r.assessment_id join learning_targets t on t.id = r.target_id
         join students s on s.id = r.student_id where r.district_id = $1 order by 1, 2`,
    );
    expect(results).toEqual([
      { li: "li-1", code: "5.NF.1", student: "s-1", points: "9.00", level: 4, day: "2024-09-11" },
      { li: "li-1", code: "LOCAL-7", student: "s-1", points: "4.00", level: 1, day: "2024-09-11" },
      { li: "li-3", code: "5.NF.1", student: "s-1", points: "3.00", level: 3, day: "2024-09-12" },
    ]);
    const scores = await query(
      `select a.sourced_id as li, i.label, i.max_points, x.points from item_scores x
         join assessment_items i on i.id = x.item_id join assessments a on a.id = x.assessment_id where x.district_id = $1`,
    );
    expect(scores).toEqual([{ li: "li-2", label: "Score", max_points: "5.00", points: "4.00" }]);
  });

  it("changes nothing when the same gradebook is imported again", async () => {
    const before = await tableCounts(database.pool, districtId);
    const again = await importOneRoster(database.pool, { districtId, source: path.join(tmp, "set") });
    expect(again.status).toBe("succeeded");
    expect(Object.values(again.counts).every((c) => c.created === 0 && c.updated === 0 && c.deleted === 0)).toBe(true);
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });

  it("names each result column it has no place for (comment, textScore, late, missing) in a warning", async () => {
    const district = await buildDistrict(database.db);
    const folder = gradebookSet(path.join(tmp, "unkept"), CASE_A, "unkept.example");
    const file = path.join(folder, "results.csv");
    const rows = readFileSync(file, "utf8").split("\n");
    const r1 = rows.findIndex((row) => row.startsWith("r-1,"));
    rows[r1] = (rows[r1] ?? "").replace(/2024-09-11,,,,,,,$/, "2024-09-11,Good work,B+,,false,false,true,true");
    writeFileSync(file, rows.join("\n"));
    const landed = await importOneRoster(database.pool, { districtId: district.id, source: folder });
    expect(landed.status).toBe("succeeded");
    const warned = landed.problems.filter((p) => p.file === "results.csv").map((p) => [p.line, p.column]);
    expect(warned).toEqual([
      [r1 + 1, "comment"],
      [r1 + 1, "textScore"],
      [r1 + 1, "late"],
      [r1 + 1, "missing"],
    ]);
    expect(landed.problems.find((p) => p.column === "comment")?.message).toBe(
      "1 row has a value in comment; Collective has no place to keep it, so it was not imported.",
    );
  });
});
