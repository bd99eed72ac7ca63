import { percentOf } from "../../../contract/analysis";
import type { GainTally } from "../../../contract/cycles";

/**
 * Pre/post arithmetic of a cycle, on pairs matched by student: a student's baseline level on a target (the pinned
 * snapshot) and their latest later level on the same target. Students with only one of the two are not counted.
 * Grouped by class or teacher, each student counts once per target (a student-target pair).
 */
export type GainPair = {
  studentId: string;
  targetId: string;
  classId: string | null;
  teacherIds: readonly string[];
  before: number;
  after: number;
};

/** Counts who moved up, stayed, or moved down, and the share who moved up at least one level. */
export function tallyGains(pairs: readonly Pick<GainPair, "before" | "after">[]): GainTally {
  let up = 0;
  let same = 0;
  let down = 0;
  for (const pair of pairs) {
    if (pair.after > pair.before) up += 1;
    else if (pair.after === pair.before) same += 1;
    else down += 1;
  }
  return { matched: pairs.length, up, same, down, upPercent: percentOf(up, pairs.length) };
}

/** Tallies per key; a pair with several keys (a class with two teachers) counts once under each. */
export function tallyGainsBy(pairs: readonly GainPair[], keysOf: (pair: GainPair) => readonly string[]) {
  const groups = new Map<string, GainPair[]>();
  for (const pair of pairs) {
    for (const key of new Set(keysOf(pair))) {
      const group = groups.get(key) ?? [];
      group.push(pair);
      groups.set(key, group);
    }
  }
  return new Map([...groups].map(([key, group]) => [key, tallyGains(group)]));
}

/** The median of some numbers (the mean of the middle two for an even count), or null when there are none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}
