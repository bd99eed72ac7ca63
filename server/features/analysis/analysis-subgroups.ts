import {
  percentOf,
  SUBGROUP_DIMENSIONS,
  SUBGROUP_LABELS,
  SUPPRESSION_THRESHOLD,
  type Subgroup,
  type SubgroupTally,
  type Suppression,
} from "../../../contract/analysis";
import type { DemographicCount, TargetTotal } from "./analysis.queries";

/** Students of one subgroup at one level of one target. */
export type SubgroupCount = { targetId: string; dimension: string; key: string; level: number; count: number };

/** The race and ethnicity flags, by their bit in a demographic signature (see analysis-sections.ts). */
const DEMOGRAPHIC_FLAGS: { dimension: string; key: string }[] = [
  { dimension: "race", key: "americanIndianOrAlaskaNative" },
  { dimension: "race", key: "asian" },
  { dimension: "race", key: "blackOrAfricanAmerican" },
  { dimension: "race", key: "nativeHawaiianOrOtherPacificIslander" },
  { dimension: "race", key: "white" },
  { dimension: "race", key: "twoOrMoreRaces" },
  { dimension: "ethnicity", key: "hispanicOrLatino" },
];

/** Spreads counts per demographic signature into counts per subgroup (a student is in several at once). */
export function subgroupCounts(signatures: readonly DemographicCount[]): SubgroupCount[] {
  const counts: SubgroupCount[] = [];
  for (const row of signatures) {
    const base = { targetId: row.targetId, level: row.level, count: row.count };
    if (row.sex) counts.push({ ...base, dimension: "sex", key: row.sex });
    DEMOGRAPHIC_FLAGS.forEach((flag, bit) => {
      if (row.flags & (1 << bit)) counts.push({ ...base, ...flag });
    });
  }
  return counts;
}

const KEY_ORDER = Object.keys(SUBGROUP_LABELS);
type Dimension = (typeof SUBGROUP_DIMENSIONS)[number];

function isDimension(value: string): value is Dimension {
  return (SUBGROUP_DIMENSIONS as readonly string[]).includes(value);
}

function labelOf(key: string): string {
  return SUBGROUP_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function compareGroups(a: { dimension: Dimension; key: string }, b: { dimension: Dimension; key: string }): number {
  const byDimension = SUBGROUP_DIMENSIONS.indexOf(a.dimension) - SUBGROUP_DIMENSIONS.indexOf(b.dimension);
  if (byDimension !== 0) return byDimension;
  const [ia, ib] = [KEY_ORDER.indexOf(a.key), KEY_ORDER.indexOf(b.key)];
  if (ia !== ib && ia >= 0 && ib >= 0) return ia - ib;
  if (ia !== ib) return ia >= 0 ? -1 : 1;
  return a.key.localeCompare(b.key);
}

type Cell = { total: TargetTotal; counts: Map<number, number>; assessed: number; hidden: Suppression | null };

/**
 * A group is hidden on a target when it has fewer than 10 students, and also when everyone else assessed does:
 * the target's total is published, so the complement is one subtraction away.
 */
function cellFor(total: TargetTotal, counts: Map<number, number>): Cell {
  const assessed = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const hidden =
    assessed < SUPPRESSION_THRESHOLD
      ? "fewer_than_10"
      : total.assessed - assessed < SUPPRESSION_THRESHOLD
        ? "protects_small_group"
        : null;
  return { total, counts, assessed, hidden };
}

/**
 * One figure published for every shown cell and for the target as a whole: the students assessed, the students
 * at a level, or the students not at that level (a hidden group all at one level is as telling as one with none
 * there). A figure the target's total gives as 0 is 0 for every group, hidden or not: the total says so already.
 */
type Measure = { total: number; of: (cell: Cell) => number; isSize: boolean };

function measuresOf(total: TargetTotal): Measure[] {
  const at = (cell: Cell, level: number) => cell.counts.get(level) ?? 0;
  return [
    { total: total.assessed, of: (cell) => cell.assessed, isSize: true },
    ...total.levelCounts.flatMap(({ level, count }) => [
      { total: count, of: (cell: Cell) => at(cell, level), isSize: false },
      { total: total.assessed - count, of: (cell: Cell) => cell.assessed - at(cell, level), isSize: false },
    ]),
  ];
}

/**
 * What someone could work out about a hidden cell, assuming the worst: that the groups of this dimension hold
 * every student assessed exactly once, so for each published figure (students assessed, students at a level,
 * students not at it) the hidden cells together hold the target's figure less the cells shown. A cell "fewer
 * than 10" holds 0 to 9 students; a cell hidden to protect another says nothing about its size. True when some
 * hidden cell can only have one value, whether the hidden cells hold the total less those shown (what a reader
 * sees) or what they really hold (students without demographics, or with several races, make the two differ).
 * For sizes a remainder of 0 means nothing is hidden; for levels it means no hidden student is at the level
 * (or every one is), which is exactly what must not be learned.
 */
function revealsHiddenCell(cells: readonly Cell[]): boolean {
  const hidden = cells.filter((cell) => cell.hidden);
  const total = cells[0]?.total;
  if (!total || hidden.length === 0) return false;
  return measuresOf(total).some((measure) => {
    if (!measure.isSize && measure.total === 0) return false;
    const shown = cells.reduce((sum, cell) => sum + (cell.hidden ? 0 : measure.of(cell)), 0);
    const held = hidden.reduce((sum, cell) => sum + measure.of(cell), 0);
    return [measure.total - shown, held].some((rest) => {
      if (rest <= 0) return !measure.isSize;
      const bounds = hidden.map((cell) => (cell.hidden === "fewer_than_10" ? SUPPRESSION_THRESHOLD - 1 : rest));
      const most = bounds.reduce((sum, bound) => sum + bound, 0);
      return bounds.some((bound) => Math.max(0, rest - (most - bound)) >= Math.min(bound, rest));
    });
  });
}

/**
 * The groups of a dimension usually add up to the total (everyone has one sex, most students one race), so one
 * hidden group would be the total less the groups shown, and so would its count at each level. Once a group is
 * hidden, the smallest shown ones are hidden too, until at least two are, they hold 10 or more, and no hidden
 * one's size or count at a level can be worked out from the rest: each level then holds some of the hidden
 * students and not all of them ("all or none" is never published for a hidden group).
 * When every group is hidden and their sizes still add up to one answer (two groups of 9 and a total of 18),
 * the largest is marked as hidden to protect the others, which says nothing about its size.
 */
function protectPartition(cells: Cell[]): void {
  if (cells.length < 2 || !cells.some((cell) => cell.hidden)) return;
  const shown = cells.filter((cell) => !cell.hidden).sort((a, b) => a.assessed - b.assessed);
  const isProtected = () => {
    const hidden = cells.filter((cell) => cell.hidden);
    const students = hidden.reduce((sum, cell) => sum + cell.assessed, 0);
    return hidden.length >= 2 && students >= SUPPRESSION_THRESHOLD && !revealsHiddenCell(cells);
  };
  for (const cell of shown) {
    if (isProtected()) return;
    cell.hidden = "protects_small_group";
  }
  if (!revealsHiddenCell(cells)) return;
  const largest = [...cells].sort((a, b) => b.assessed - a.assessed)[0];
  if (largest) largest.hidden = "protects_small_group";
}

function tallyOf(cell: Cell): SubgroupTally {
  const { total, counts, assessed } = cell;
  if (cell.hidden) return { targetId: total.targetId, suppressed: true, reason: cell.hidden };
  const levels = [...new Set([...total.levels, ...counts.keys()])].sort((a, b) => a - b);
  const proficient = levels
    .filter((level) => level >= total.proficientLevel)
    .reduce((sum, level) => sum + (counts.get(level) ?? 0), 0);
  return {
    targetId: total.targetId,
    suppressed: false,
    assessed,
    proficient,
    proficientPercent: percentOf(proficient, assessed),
    levels: levels.map((level) => ({ level, count: counts.get(level) ?? 0 })),
  };
}

/** The subgroup breakdowns of an analysis, with every small group (and what would reveal it) suppressed. */
export function buildSubgroups(signatures: readonly DemographicCount[], totals: readonly TargetTotal[]): Subgroup[] {
  return suppressSubgroups(subgroupCounts(signatures), totals);
}

/** Tallies per subgroup and target, hiding small groups and whatever would let one be worked out. */
export function suppressSubgroups(counts: readonly SubgroupCount[], totals: readonly TargetTotal[]): Subgroup[] {
  const byGroup = new Map<string, { dimension: Dimension; key: string; counts: Map<string, Map<number, number>> }>();
  for (const row of counts) {
    if (!isDimension(row.dimension)) continue;
    const id = `${row.dimension}:${row.key}`;
    const group = byGroup.get(id) ?? { dimension: row.dimension, key: row.key, counts: new Map() };
    byGroup.set(id, group);
    const levels = group.counts.get(row.targetId) ?? new Map<number, number>();
    group.counts.set(row.targetId, levels);
    levels.set(row.level, (levels.get(row.level) ?? 0) + row.count);
  }
  const groups = [...byGroup.values()].sort(compareGroups).map((group) => ({
    ...group,
    cells: totals.map((total) => cellFor(total, group.counts.get(total.targetId) ?? new Map())),
  }));
  for (const dimension of SUBGROUP_DIMENSIONS) {
    const partition = groups.filter((group) => group.dimension === dimension);
    totals.forEach((_, index) => {
      protectPartition(partition.map((group) => group.cells[index] as Cell));
    });
  }
  return groups.map((group) => ({
    dimension: group.dimension,
    key: group.key,
    label: labelOf(group.key),
    targets: group.cells.map(tallyOf),
  }));
}
