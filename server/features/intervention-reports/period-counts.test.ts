import { describe, expect, it } from "vitest";
import { outcomesOf, type PeriodPlan, tierOn, tiersByMonth } from "./period-counts";

const plan = (overrides: Partial<PeriodPlan>): PeriodPlan => ({
  studentId: "ana",
  communityId: "grade3",
  kind: "intervention",
  tier: 2,
  startDate: "2026-09-01",
  closedOn: null,
  outcome: null,
  decisions: [["2026-09-01", 2]],
  ...overrides,
});

describe("a plan's tier on a day", () => {
  it("is the tier after the latest decision on or before it; of two on one day, the later", () => {
    const moved = plan({
      decisions: [
        ["2026-09-01", 2],
        ["2026-10-15", 3],
        ["2026-10-15", 1],
        ["2026-11-20", 2],
      ],
    });
    expect(tierOn(moved, "2026-09-30")).toBe(2);
    expect(tierOn(moved, "2026-10-15")).toBe(1);
    expect(tierOn(moved, "2026-11-19")).toBe(1);
    expect(tierOn(moved, "2026-11-30")).toBe(2);
    expect(tierOn(plan({ tier: 3, decisions: [] }), "2026-09-30")).toBe(3);
  });
});

describe("students by tier at each month's counting day", () => {
  it("counts each student once per team and once overall, at their highest tier, while a plan is active", () => {
    const plans = [
      plan({
        studentId: "ana",
        communityId: "grade3",
        decisions: [
          ["2026-09-01", 2],
          ["2026-10-20", 3],
        ],
      }),
      plan({ studentId: "ana", communityId: "math", tier: 1, decisions: [] }),
      plan({ studentId: "ben", communityId: "grade3", closedOn: "2026-10-31" }),
      plan({ studentId: "cal", communityId: "grade3", startDate: "2026-10-05" }),
    ];
    const rows = tiersByMonth(plans, [
      { month: "2026-09", asOf: "2026-09-30" },
      { month: "2026-10", asOf: "2026-10-31" },
    ]);
    const count = (month: string, team: string | null, tier: number) =>
      rows.find((r) => r.month === month && r.community_id === team && r.tier === tier)?.students ?? 0;
    // September: Ana (2 in grade 3, 1 in math) and Ben; Cal has not started.
    expect([count("2026-09", "grade3", 2), count("2026-09", "math", 1)]).toEqual([2, 1]);
    expect([count("2026-09", null, 2), count("2026-09", null, 1)]).toEqual([2, 0]);
    // October 31: Ana moved to tier 3; Ben's plan closed that day, so he is no longer counted; Cal joined.
    expect([count("2026-10", "grade3", 3), count("2026-10", "grade3", 2)]).toEqual([1, 1]);
    expect([count("2026-10", null, 3), count("2026-10", null, 2), count("2026-10", null, 1)]).toEqual([1, 1, 0]);
    expect(rows.every((r) => r.as_of === (r.month === "2026-09" ? "2026-09-30" : "2026-10-31"))).toBe(true);
  });
});

describe("outcomes", () => {
  it("count plans of either kind closed in the period, and those that met their goal, per team and kind", () => {
    const period = { from: "2026-08-01", to: "2026-12-18", today: "2026-12-18" };
    const rows = outcomesOf(
      [
        plan({ closedOn: "2026-10-01", outcome: "met" }),
        plan({ closedOn: "2026-12-18", outcome: "not_met" }),
        plan({ closedOn: "2026-07-31", outcome: "met" }),
        plan({ closedOn: null }),
        plan({ kind: "extension", closedOn: "2026-11-02", outcome: "met" }),
        plan({ kind: "extension", communityId: "math", tier: 1, decisions: [] }),
        plan({ kind: "extension", communityId: "math", closedOn: "2026-09-09", outcome: "met" }),
        plan({ kind: "intervention", tier: 3, decisions: [["2026-09-01", 3]], studentId: "zed" }),
      ],
      period,
    );
    expect(rows).toEqual([
      { community_id: "grade3", kind: "intervention", closed: 2, met: 1 },
      { community_id: "grade3", kind: "extension", closed: 1, met: 1 },
      { community_id: "math", kind: "extension", closed: 1, met: 1 },
    ]);
  });

  it("leave extension plans out of the tier counts", () => {
    const rows = tiersByMonth(
      [plan({ kind: "extension", tier: 1, decisions: [] })],
      [{ month: "2026-09", asOf: "2026-09-30" }],
    );
    expect(rows).toEqual([]);
  });
});
