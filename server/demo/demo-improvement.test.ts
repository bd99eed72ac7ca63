import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoalSummary, GoalTree, GoalTreeNode } from "../../contract/goals";
import { todayIn } from "../clock";
import { queryTargetGains } from "../features/cycles/cycle-results.queries";
import { createTestApp, signIn } from "../test/test-app";
import { DEMO_TIME_ZONE } from "./demo-calendar";
import { DEMO_PASSWORD, seedDemoDistrict } from "./demo-district";

// The demo's continuous improvement: its goals and its cycles, read from one seeded demo district.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoDistrict(t.db);
});
afterAll(async () => t?.close());

function flatten(nodes: GoalTreeNode[]): GoalSummary[] {
  return nodes.flatMap((node) => [node.goal, ...flatten(node.children)]);
}

describe("demo goals", () => {
  it("line up from two district goals to educators' own, with goals on track, at risk and off track", async () => {
    const cookie = await signIn(t.app, "maria.alvarez@riverside.example", DEMO_PASSWORD);
    const response = await t.app.inject({ url: "/api/v1/goals/tree", headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const tree: GoalTree = response.json();
    expect(tree.roots).toHaveLength(2);
    const seen = flatten(tree.roots);
    expect(new Set(seen.map((g) => g.level))).toEqual(new Set(["district", "school", "team", "individual"]));
    expect(tree.unaligned).toEqual([]);
    const statuses = new Set(seen.map((g) => g.progress.status));
    for (const status of ["on_track", "at_risk", "off_track"]) expect(statuses).toContain(status);
    // The goals bound to the Grade 3 team's data compute from it.
    const bound = seen.filter((g) => g.measure.kind !== "checkin");
    expect(bound.map((g) => g.measure.kind).sort()).toContain("response_within_days");
    for (const goal of bound) expect(goal.progress.value, goal.title).not.toBeNull();
  });

  it("keep an educator's own goal from their colleagues", async () => {
    const cookie = await signIn(t.app, "emily.chen@riverside.example", DEMO_PASSWORD);
    const list = (await t.app.inject({ url: "/api/v1/goals?level=individual", headers: { cookie } })).json();
    expect(list.items.map((g: GoalSummary) => g.owner.name)).toEqual(["Emily Chen"]);
  });
});

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
