import { describe, expect, it } from "vitest";
import { planFlag, progressOf } from "./plan-progress";

const plan = {
  startDate: "2026-09-01",
  baseline: 40,
  goalDate: "2026-10-27",
  goal: 70,
  rulePoints: 4,
  daysPerWeek: 3,
  closedAt: null,
};
const sessions = [
  { attendance: "present" as const },
  { attendance: "absent" as const },
  { attendance: "not_held" as const },
];

describe("fidelity", () => {
  it("counts the sessions the plan calls for in whole weeks up to today", () => {
    // 22 days after the start: 3 whole weeks × 3 days.
    expect(progressOf(plan, [], sessions, "2026-09-23").fidelity).toEqual({
      present: 1,
      held: 2,
      planned: 9,
      attendancePercent: 50,
    });
  });

  it("stops counting at the goal date, or when the plan closed", () => {
    expect(progressOf(plan, [], [], "2027-01-01").fidelity.planned).toBe(24);
    const closed = { ...plan, closedAt: "2026-09-15T10:00:00.000Z" };
    expect(progressOf(closed, [], [], "2027-01-01").fidelity.planned).toBe(6);
    expect(progressOf({ ...plan, daysPerWeek: null }, [], [], "2027-01-01").fidelity.planned).toBeNull();
  });

  it("has no attendance share before any session was held", () => {
    expect(progressOf(plan, [], [{ attendance: "not_held" }], "2026-09-23").fidelity.attendancePercent).toBeNull();
  });
});

describe("aim and trend for drawing", () => {
  it("gives the aim's slope a week and no trend under two scores", () => {
    const result = progressOf(plan, [{ measuredOn: "2026-09-08", score: 42 }], [], "2026-09-23");
    expect(result.aim.slopePerWeek).toBe(3.75);
    expect(result.trend).toBeNull();
    expect(result.rule).toMatchObject({ flag: null, pointsNeeded: 3 });
  });
});

describe("the flag on lists", () => {
  it("is kept for active plans only", () => {
    const behind = ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"].map((measuredOn) => ({
      measuredOn,
      score: 41,
    }));
    expect(planFlag({ ...plan, status: "active" }, behind)).toBe("adjust");
    expect(planFlag({ ...plan, status: "closed" }, behind)).toBeNull();
  });
});
