import { describe, expect, it } from "vitest";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import { learningCommunities } from "./instruments/learning-communities";
import { buildResults, itemMeans, meanLevel, sectionMeans } from "./round-results";

const items = learningCommunities.items.slice(0, 4);
const first = items[0]?.key as string;

/** Counts where every item got `byLevel` answers at each level. */
function countsOf(byLevel: Record<number, number>) {
  return new Map(items.map((item) => [item.key, new Map(Object.entries(byLevel).map(([l, c]) => [Number(l), c]))]));
}

describe("round results", () => {
  it("work out the mean level to one decimal", () => {
    expect(
      meanLevel(
        new Map([
          [1, 3],
          [2, 3],
          [3, 2],
          [4, 2],
        ]),
      ),
    ).toBe(2.3);
    expect(meanLevel(new Map([[4, 5]]))).toBe(4);
    expect(meanLevel(new Map())).toBeNull();
  });

  it("show nothing one answer short of the threshold, and say how many more it takes", () => {
    const counts = countsOf({ 1: SUPPRESSION_THRESHOLD - 1 });
    const results = buildResults("r", items, SUPPRESSION_THRESHOLD - 1, counts);
    expect(results).toMatchObject({ suppressed: true, needed: 1, items: [] });
    expect(itemMeans(items, SUPPRESSION_THRESHOLD - 1, counts)).toEqual({});
    expect(sectionMeans(items, SUPPRESSION_THRESHOLD - 1, counts).every((s) => s.mean === null)).toBe(true);
  });

  it("at the threshold show every level of every item, unanswered levels as zero", () => {
    const counts = countsOf({ 2: 4, 4: SUPPRESSION_THRESHOLD - 4 });
    const results = buildResults("r", items, SUPPRESSION_THRESHOLD, counts);
    expect(results.suppressed).toBe(false);
    expect(results.needed).toBe(0);
    expect(results.items).toHaveLength(items.length);
    expect(results.items[0]?.levels.map((l) => l.count)).toEqual([0, 4, 0, SUPPRESSION_THRESHOLD - 4]);
    expect(results.items[0]?.mean).toBe(meanLevel(counts.get(first)));
    expect(Object.keys(itemMeans(items, SUPPRESSION_THRESHOLD, counts))).toEqual(items.map((i) => i.key));
  });

  it("average a section over all its items' answers", () => {
    const counts = new Map([
      [items[0]?.key as string, new Map([[1, 10]])],
      [items[1]?.key as string, new Map([[3, 10]])],
      [items[2]?.key as string, new Map([[4, 10]])],
    ]);
    const [section] = sectionMeans(items.slice(0, 3), SUPPRESSION_THRESHOLD, counts);
    expect(section).toEqual({ section: "Continuous improvement", mean: 2.7 });
  });
});
