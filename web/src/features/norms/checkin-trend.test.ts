import { describe, expect, it } from "vitest";
import { buildTrend } from "./checkin-trend";

const checkin = (id: string, opensOn: string, norms: string[], averages: (number | null)[], responses: number) => ({
  id,
  opensOn,
  closesOn: opensOn,
  norms,
  averages,
  responses,
  hasResponded: false,
  isOpen: false,
});

describe("buildTrend", () => {
  it("lines up each norm's averages across check-ins, oldest first, matching norms by their words", () => {
    const trend = buildTrend([
      checkin("b", "2026-11-02", ["Listen", "Start on time"], [3.5, 2], 4),
      checkin("a", "2026-10-01", ["Listen", "Be kind"], [3, 4], 3),
      checkin("c", "2026-12-01", ["Listen"], [null], 0),
    ]);
    expect(trend.dates).toEqual(["2026-10-01", "2026-11-02"]);
    expect(trend.responses).toEqual([3, 4]);
    expect(trend.series).toEqual([
      { norm: "Listen", values: [3, 3.5] },
      { norm: "Start on time", values: [null, 2] },
      { norm: "Be kind", values: [4, null] },
    ]);
    expect(trend.summary).toContain("2 check-ins");
  });

  it("has nothing to draw before anyone has responded", () => {
    const trend = buildTrend([checkin("a", "2026-10-01", ["Listen"], [null], 0)]);
    expect(trend.dates).toEqual([]);
    expect(trend.summary).toBe("No ratings yet.");
  });
});
