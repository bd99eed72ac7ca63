import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "../../test/test-db";
import { type CutScores, levelFor } from "./target-results";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** Points as stored: two decimals. */
const points = fc.integer({ min: 0, max: 4000 }).map((n) => n / 100);

/** A scale of 0 to 6 levels, each with a minimum in points (any order, ties allowed: the rule must not care). */
const cutScores: fc.Arbitrary<CutScores> = fc
  .uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 6 })
  .chain((levels) =>
    fc.tuple(...levels.map((level) => points.map((minPoints) => ({ level, minPoints })))).map((cuts) => cuts),
  );

it("the database's level_for() and levelFor() agree on every scale and score", async () => {
  const cases = fc.sample(fc.tuple(cutScores, points), 2000);
  const json = JSON.stringify(cases.map(([cuts, p]) => ({ cuts, points: p })));
  const result = await database.db.execute<{ level: number }>(sql`
    select level_for(t.e->'cuts', (t.e->>'points')::numeric) as level
      from jsonb_array_elements(${json}::jsonb) with ordinality t(e, n)
     order by t.n`);
  const fromDatabase = result.rows.map((row) => row.level);
  expect(fromDatabase).toEqual(cases.map(([cuts, p]) => levelFor(p, cuts)));
});
