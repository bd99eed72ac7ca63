import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoalSummary, GoalTree, GoalTreeNode } from "../../contract/goals";
import { createTestApp, signIn } from "../test/test-app";
import { DEMO_PASSWORD, seedDemoDistrict } from "./demo-district";

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
