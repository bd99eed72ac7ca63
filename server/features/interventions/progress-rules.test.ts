import { describe, expect, it } from "vitest";
import { aimValueOn, applyDecisionRule, meetsGoal, olsTrend, trendValueOn } from "./progress-rules";

// Baseline 40 words correct per minute on 1 Sept, goal 70 by 27 Oct: 56 days, so the aim rises 30/56 a day.
const aim = { startDate: "2026-09-01", baseline: 40, goalDate: "2026-10-27", goal: 70 };

describe("aim line", () => {
  it("runs from baseline to goal and extends past it", () => {
    expect(aimValueOn(aim, "2026-09-01")).toBe(40);
    expect(aimValueOn(aim, "2026-09-29")).toBe(55); // 28 days: 40 + 30 × 28/56
    expect(aimValueOn(aim, "2026-10-27")).toBe(70);
    expect(aimValueOn(aim, "2026-11-10")).toBe(77.5); // 14 days past the goal at the same slope
  });
});

describe("trend line (ordinary least squares)", () => {
  it("fits the worked example", () => {
    // x = 7, 14, 21, 28 days; y = 42, 45, 44, 49. mean x 17.5, mean y 45;
    // Sxy = (-10.5)(-3) + (-3.5)(0) + (3.5)(-1) + (10.5)(4) = 31.5 - 3.5 + 42 = 70; Sxx = 2 × (110.25 + 12.25) = 245.
    const points = [
      { measuredOn: "2026-09-08", score: 42 },
      { measuredOn: "2026-09-15", score: 45 },
      { measuredOn: "2026-09-22", score: 44 },
      { measuredOn: "2026-09-29", score: 49 },
    ];
    const trend = olsTrend(aim.startDate, points);
    expect(trend?.slopePerDay).toBeCloseTo(70 / 245, 12); // 0.2857 a day, 2 a week
    expect(trend?.interceptAtStart).toBeCloseTo(45 - (70 / 245) * 17.5, 12); // 40
    expect(trendValueOn(trend as NonNullable<typeof trend>, aim.startDate, "2026-10-27")).toBeCloseTo(56, 10);
  });

  it("needs two different days", () => {
    expect(olsTrend(aim.startDate, [{ measuredOn: "2026-09-08", score: 42 }])).toBeNull();
    expect(
      olsTrend(aim.startDate, [
        { measuredOn: "2026-09-08", score: 42 },
        { measuredOn: "2026-09-08", score: 44 },
      ]),
    ).toBeNull();
  });
});

describe("decision rule over the last four points", () => {
  const weekly = (scores: number[]) =>
    scores.map((score, i) => ({
      measuredOn: new Date(Date.UTC(2026, 8, 8 + 7 * i)).toISOString().slice(0, 10),
      score,
    }));

  it("says adjust when the last four are all below the aim line", () => {
    // Aim on 8, 15, 22, 29 Sept: 43.75, 47.5, 51.25, 55.
    const result = applyDecisionRule(aim, weekly([42, 45, 44, 49]));
    expect(result.flag).toBe("adjust");
    expect(result.window.map((p) => p.aim)).toEqual([43.75, 47.5, 51.25, 55]);
  });

  it("says consider exit when the last four are all above it", () => {
    expect(applyDecisionRule(aim, weekly([50, 52, 55, 58])).flag).toBe("consider_exit");
  });

  it("says nothing when the points straddle the line or one sits on it", () => {
    expect(applyDecisionRule(aim, weekly([42, 48, 44, 49])).flag).toBeNull(); // 48 > 47.5
    expect(applyDecisionRule(aim, weekly([42, 45, 51.25, 49])).flag).toBeNull(); // exactly on the line
  });

  it("looks only at the latest points, in date order", () => {
    const early = weekly([30, 30, 64, 64, 64, 64]); // aim 43.75 … 62.5: the last four 51.25, 55, 58.75, 62.5
    expect(applyDecisionRule(aim, [...early].reverse()).flag).toBe("consider_exit");
    expect(applyDecisionRule(aim, early.slice(0, 3)).pointsNeeded).toBe(1);
  });

  it("honours a different n", () => {
    expect(applyDecisionRule(aim, weekly([60, 60, 44, 49]), 2).flag).toBe("adjust");
    expect(applyDecisionRule(aim, weekly([60, 60, 44, 49]), 4).flag).toBeNull();
  });

  it("flips for a goal below the baseline", () => {
    const errors = { startDate: "2026-09-01", baseline: 20, goalDate: "2026-10-27", goal: 6 };
    // Aim on 8 … 29 Sept: 18.25, 16.5, 14.75, 13. Higher error counts are behind.
    expect(applyDecisionRule(errors, weekly([19, 17, 15, 14])).flag).toBe("adjust");
    expect(applyDecisionRule(errors, weekly([17, 15, 13, 12])).flag).toBe("consider_exit");
    expect(meetsGoal(errors, 6)).toBe(true);
    expect(meetsGoal(aim, 69.5)).toBe(false);
  });
});
