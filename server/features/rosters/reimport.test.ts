import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { districtTablesInOrder } from "../../db/district-dump";
import { casePackage } from "../../test/case-fixtures";
import { buildDistrict } from "../../test/factories";
import { gradebookSet } from "../../test/gradebook-set";
import { createTestDatabase } from "../../test/test-db";
import { importFramework } from "../standards/import-framework";
import { importOneRoster } from "./import-oneroster";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-reimport-"));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Rows of every district-owned table (roster, evidence, standards, and the rollups the triggers keep). */
async function everyTable(districtId: string): Promise<Record<string, number>> {
  const tables = [...(await districtTablesInOrder(database.db)), "target_result_counts", "below_proficient_students"];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const key = table === "districts" ? "id" : "district_id";
    const { rows } = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from "${table}" where ${key} = $1`,
      [districtId],
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** What the evidence says, row by row: which target each assessment measures and each student's points on it. */
async function evidence(districtId: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ v: string }>(
    `select a.sourced_id || ' ' || coalesce(t.code, '') || ' ' || coalesce(st.human_coding_scheme, '-') ||
            ' ' || coalesce((select string_agg(s.sourced_id || '=' || r.points::text, ',' order by s.sourced_id)
                              from target_results r join students s on s.id = r.student_id
                             where r.assessment_id = a.id and r.target_id = t.id), '') as v
       from assessment_targets x join assessments a on a.id = x.assessment_id
       join learning_targets t on t.id = x.target_id left join standards st on st.id = t.standard_id
      where x.district_id = $1 order by 1`,
    [districtId],
  );
  return rows.map((r) => r.v);
}

describe("importing the same files again", () => {
  it("changes no row after a CASE framework names the set's learning objectives, in either order", async () => {
    const framework = casePackage("Ordering");
    const objective = (framework.CFItems[2] as { identifier: string }).identifier;
    const districtId = (await buildDistrict(database.db)).id;
    const set = gradebookSet(path.join(tmp, "set"), objective);

    const first = await importOneRoster(database.pool, { districtId, source: set });
    expect(first.status).toBe("succeeded");
    const placeholders = await evidence(districtId);
    const standards = await importFramework(database.db, { districtId, json: framework, sourceUrl: null });
    expect("outcome" in standards).toBe(true);
    const linked = await evidence(districtId);
    // The objective's placeholder target now stands for the standard: same rows, now tied to it.
    expect(linked).toHaveLength(placeholders.length);
    expect(linked.filter((row) => row.includes("H.A.MATH.GM.PF.2DFP"))).not.toEqual([]);

    const before = await everyTable(districtId);
    const again = await importOneRoster(database.pool, { districtId, source: set });
    expect(again.status).toBe("succeeded");
    expect(await everyTable(districtId)).toEqual(before);
    expect(await evidence(districtId)).toEqual(linked);
    for (const [entity, count] of Object.entries(again.counts)) {
      expect({ entity, ...count }).toMatchObject({ entity, created: 0, updated: 0, deleted: 0 });
    }

    const frameworkAgain = await importFramework(database.db, { districtId, json: framework, sourceUrl: null });
    expect("outcome" in frameworkAgain).toBe(true);
    expect(await everyTable(districtId)).toEqual(before);
    expect(await evidence(districtId)).toEqual(linked);
  });

  it("changes no row when the framework came first and the set is imported twice", async () => {
    const framework = casePackage("Ordering");
    const objective = (framework.CFItems[2] as { identifier: string }).identifier;
    const districtId = (await buildDistrict(database.db)).id;
    await importFramework(database.db, { districtId, json: framework, sourceUrl: null });
    const set = gradebookSet(path.join(tmp, "set-2"), objective.toUpperCase(), "second.example");
    expect((await importOneRoster(database.pool, { districtId, source: set })).status).toBe("succeeded");
    const before = await everyTable(districtId);
    const rows = await evidence(districtId);
    expect((await importOneRoster(database.pool, { districtId, source: set })).status).toBe("succeeded");
    expect(await everyTable(districtId)).toEqual(before);
    expect(await evidence(districtId)).toEqual(rows);
  });

  it("takes over the placeholder when a standard with the objective's identifier appeared by other means", async () => {
    const objective = "0b6f3c1e-9d1a-4c55-8e0f-6a2d3c4b5a69";
    const districtId = (await buildDistrict(database.db)).id;
    const set = gradebookSet(path.join(tmp, "set-3"), objective, "third.example");
    expect((await importOneRoster(database.pool, { districtId, source: set })).status).toBe("succeeded");
    // A standard written straight into the table (as an older framework import left it): no target adopted yet.
    await database.pool.query(
      `with f as (insert into standard_frameworks (district_id, case_identifier, title) values ($1, 'fw-x', 'Math')
                  returning id)
       insert into standards (district_id, framework_id, case_identifier, human_coding_scheme, full_statement)
       select $1, f.id, $2, '5.NF.1', 'Add fractions.' from f`,
      [districtId, objective.toUpperCase()],
    );
    const before = await everyTable(districtId);
    expect((await importOneRoster(database.pool, { districtId, source: set })).status).toBe("succeeded");
    expect(await everyTable(districtId)).toEqual(before);
    expect((await evidence(districtId)).filter((row) => row.includes("5.NF.1 5.NF.1"))).toHaveLength(2);
  });
});
