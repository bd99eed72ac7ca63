import { describe, expect, it } from "vitest";
import type { TargetTotal } from "./analysis.queries";
import { buildSubgroups, type SubgroupCount, suppressSubgroups } from "./analysis-subgroups";

const TARGET = "00000000-0000-4000-8000-000000000001";
/** The target's totals: the first dimension's groups at their levels, and everyone else at level 1. */
function total(assessed: number, counts: SubgroupCount[] = []): TargetTotal[] {
  const dimension = counts[0]?.dimension;
  const levels = [1, 2, 3, 4];
  const at = (level: number) =>
    counts.filter((c) => c.dimension === dimension && c.level === level).reduce((sum, c) => sum + c.count, 0);
  const grouped = levels.reduce((sum, level) => sum + at(level), 0);
  const levelCounts = levels.map((level) => ({ level, count: at(level) + (level === 1 ? assessed - grouped : 0) }));
  return [{ targetId: TARGET, assessed, proficientLevel: 3, levels, levelCounts }];
}

/** Counts for one group on the one target: `n` students at level 2 and `m` at level 3. */
function group(dimension: string, key: string, n: number, m = 0): SubgroupCount[] {
  return [
    { targetId: TARGET, dimension, key, level: 2, count: n },
    { targetId: TARGET, dimension, key, level: 3, count: m },
  ];
}

function reasons(counts: SubgroupCount[], assessed: number) {
  return Object.fromEntries(
    suppressSubgroups(counts, total(assessed, counts)).map((g) => {
      const cell = g.targets[0];
      return [g.key, cell?.suppressed ? cell.reason : cell?.assessed];
    }),
  );
}

describe("subgroup suppression", () => {
  it("reports groups of 10 or more whose complement is also 10 or more, zero-filling the levels", () => {
    const [asian] = suppressSubgroups(group("race", "asian", 6, 4), total(40, group("race", "asian", 6, 4)));
    expect(asian?.targets[0]).toEqual({
      targetId: TARGET,
      suppressed: false,
      assessed: 10,
      proficient: 4,
      proficientPercent: 40,
      levels: [
        { level: 1, count: 0 },
        { level: 2, count: 6 },
        { level: 3, count: 4 },
        { level: 4, count: 0 },
      ],
    });
    expect(asian?.label).toBe("Asian");
  });

  it("hides a group of fewer than 10, and a group whose complement is fewer than 10", () => {
    expect(reasons(group("race", "asian", 9), 40)).toEqual({ asian: "fewer_than_10" });
    expect(reasons(group("race", "white", 31), 40)).toEqual({ white: "protects_small_group" });
    expect(reasons(group("race", "white", 30), 40)).toEqual({ white: 30 });
  });

  it("hides a second sex category so a hidden one cannot be worked out from the total", () => {
    const counts = [...group("sex", "female", 14), ...group("sex", "male", 20), ...group("sex", "other", 3)];
    expect(reasons(counts, 37)).toEqual({ female: "protects_small_group", male: 20, other: "fewer_than_10" });
  });

  it("keeps hiding the smallest categories until those hidden hold at least 10", () => {
    const counts = [
      ...group("sex", "female", 30),
      ...group("sex", "male", 30),
      ...group("sex", "other", 3),
      ...group("sex", "unspecified", 4),
    ];
    // Other and unspecified are both hidden but together hold 7: someone could still learn that 7 students are
    // neither female nor male, so the smallest shown category goes too.
    expect(reasons(counts, 67)).toEqual({
      female: "protects_small_group",
      male: 30,
      other: "fewer_than_10",
      unspecified: "fewer_than_10",
    });
  });

  it("orders groups by dimension, then in the OneRoster order", () => {
    const counts = [
      ...group("ethnicity", "hispanicOrLatino", 12),
      ...group("race", "white", 12),
      ...group("race", "asian", 12),
      ...group("sex", "male", 12),
    ];
    expect(suppressSubgroups(counts, total(40, counts)).map((g) => g.key)).toEqual([
      "male",
      "asian",
      "white",
      "hispanicOrLatino",
    ]);
  });

  it("spreads each demographic signature into every group it belongs to", () => {
    const asianWhiteHispanic = 2 | 16 | 64;
    const groups = buildSubgroups(
      [
        { targetId: TARGET, level: 3, count: 12, sex: "female", flags: asianWhiteHispanic },
        { targetId: TARGET, level: 2, count: 20, sex: null, flags: 0 },
      ],
      total(40, [
        { targetId: TARGET, dimension: "all", key: "all", level: 3, count: 12 },
        { targetId: TARGET, dimension: "all", key: "all", level: 2, count: 20 },
      ]),
    );
    expect(groups.map((g) => [g.key, g.targets[0]?.suppressed ? null : g.targets[0]?.assessed])).toEqual([
      ["female", 12],
      ["asian", 12],
      ["white", 12],
      ["hispanicOrLatino", 12],
    ]);
  });
});
