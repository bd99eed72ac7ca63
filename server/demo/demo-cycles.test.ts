import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayIn } from "../clock";
import { queryTargetGains } from "../features/cycles/cycle-results.queries";
import { createTestApp } from "../test/test-app";
import { DEMO_TIME_ZONE } from "./demo-calendar";
import { seedDemoDistrict } from "./demo-district";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoDistrict(t.db);
});
afterAll(async () => t?.close());

describe("demo cycles", () => {
  it("has a finished cycle with a real gain, a stalled one and an active one", async () => {
    const today = todayIn(DEMO_TIME_ZONE);
    const rows = await t.db.execute<{ id: string; title: string; status: string; overdue: number; pinned: number }>(sql`
      select c.id, c.title, c.status,
             (select count(*) from cycle_stages st
               where st.cycle_id = c.id and st.completed_at is null and st.due_on < ${today}::date)::int as overdue,
             (select count(*) from cycle_snapshot_results s where s.cycle_id = c.id)::int as pinned
      from cycles c order by c.starts_on`);
    expect(rows.rows.map((r) => [r.status, r.overdue > 0])).toEqual([
      ["finished", false],
      ["active", true],
      ["active", false],
    ]);
    expect(rows.rows.every((r) => r.pinned > 20)).toBe(true);
    const finished = rows.rows[0]?.id as string;
    const gains = await queryTargetGains(t.db, [finished]);
    expect(gains.length).toBe(2);
    for (const gain of gains) {
      expect(gain.matched).toBeGreaterThanOrEqual(10);
      expect(gain.up).toBeGreaterThan(gain.down);
    }
  });
});
