import { describe, expect, it } from "vitest";
import { expectedValue, goalStatus } from "./goal-status";

// A year-long goal: 40% proficient on 1 September to 70% on 1 September next year (365 days).
const rise = { baseline: 40, target: 70, startsOn: "2026-09-01", dueOn: "2027-09-01" };
// Fewer students without a response: 30% down to 10% over the same year.
const fall = { baseline: 30, target: 10, startsOn: "2026-09-01", dueOn: "2027-09-01" };

describe("expected value on the trajectory", () => {
  it("is the baseline at the start, the target at the due date, and the straight line between", () => {
    expect(expectedValue(rise, "2026-09-01")).toBe(40);
    expect(expectedValue(rise, "2027-09-01")).toBe(70);
    // 1 March 2027 is 181 of 365 days in: 40 + 30 × 181/365 = 54.88…
    expect(expectedValue(rise, "2027-03-01")).toBeCloseTo(54.877, 2);
    expect(expectedValue(rise, "2026-08-01")).toBe(40);
    expect(expectedValue({ ...rise, baseline: null }, "2027-03-01")).toBeNull();
  });
});

describe("goal status", () => {
  it("is no_data without a current value", () => {
    expect(goalStatus(rise, null, "2027-03-01")).toBe("no_data");
  });

  it("is on track at or above the value expected by now", () => {
    expect(goalStatus(rise, 55, "2027-03-01")).toBe("on_track");
    expect(goalStatus(rise, 40, "2026-09-01")).toBe("on_track");
  });

  it("is at risk within 10% of the planned change below the expected value, off track beyond it", () => {
    // Expected 54.88; the planned change is 30 points, so the band is 3 points: down to 51.88.
    expect(goalStatus(rise, 52, "2027-03-01")).toBe("at_risk");
    expect(goalStatus(rise, 51.5, "2027-03-01")).toBe("off_track");
    expect(goalStatus(rise, 42, "2027-03-01")).toBe("off_track");
  });

  it("reads lower as better when the target is below the baseline", () => {
    // Expected 30 − 20 × 181/365 = 20.08; band 2 points.
    expect(goalStatus(fall, 20, "2027-03-01")).toBe("on_track");
    expect(goalStatus(fall, 21.5, "2027-03-01")).toBe("at_risk");
    expect(goalStatus(fall, 25, "2027-03-01")).toBe("off_track");
    expect(goalStatus(fall, 9, "2027-03-01")).toBe("on_track");
  });

  it("is met or not met after the due date", () => {
    expect(goalStatus(rise, 70, "2027-09-02")).toBe("met");
    expect(goalStatus(rise, 69.9, "2027-09-02")).toBe("not_met");
    expect(goalStatus(fall, 10, "2027-09-02")).toBe("met");
    expect(goalStatus(fall, 11, "2027-09-02")).toBe("not_met");
    // On the due date itself the goal is still running.
    expect(goalStatus(rise, 69, "2027-09-01")).toBe("at_risk");
  });

  it("without a baseline is on track once the target is reached and at risk until then", () => {
    const noBaseline = { ...rise, baseline: null };
    expect(goalStatus(noBaseline, 70, "2027-03-01")).toBe("on_track");
    expect(goalStatus(noBaseline, 50, "2027-03-01")).toBe("at_risk");
  });
});
