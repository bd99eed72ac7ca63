import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import type { ItemDistribution, RoundResults, SurveyItem } from "../../../contract/surveys";

type Counts = Map<string, Map<number, number>>;

/** The mean level of one item's counts, one decimal; null when nobody answered it. */
export function meanLevel(byLevel: Map<number, number> | undefined): number | null {
  let total = 0;
  let sum = 0;
  for (const [level, count] of byLevel ?? []) {
    total += count;
    sum += level * count;
  }
  return total === 0 ? null : Math.round((sum / total) * 10) / 10;
}

/** Whether a round's results may be shown: only from SUPPRESSION_THRESHOLD answers on, so no answer stands out. */
export function isSuppressed(answered: number): boolean {
  return answered < SUPPRESSION_THRESHOLD;
}

/** A round's results from its counts: every item's distribution over all its levels, or nothing below the threshold. */
export function buildResults(
  roundId: string,
  items: SurveyItem[],
  answered: number,
  counts: Counts | undefined,
): RoundResults {
  const suppressed = isSuppressed(answered);
  const base = {
    roundId,
    answered,
    threshold: SUPPRESSION_THRESHOLD,
    suppressed,
    needed: Math.max(0, SUPPRESSION_THRESHOLD - answered),
  };
  if (suppressed) return { ...base, items: [] };
  return {
    ...base,
    items: items.map(
      (item): ItemDistribution => ({
        key: item.key,
        section: item.section,
        prompt: item.prompt,
        levels: item.levels.map((l) => ({
          level: l.level,
          label: l.label,
          count: counts?.get(item.key)?.get(l.level) ?? 0,
        })),
        mean: meanLevel(counts?.get(item.key)) ?? 0,
      }),
    ),
  };
}

/** Each item's mean in a round, or an empty record when the round's results are suppressed. */
export function itemMeans(items: SurveyItem[], answered: number, counts: Counts | undefined): Record<string, number> {
  if (isSuppressed(answered)) return {};
  const means: Record<string, number> = {};
  for (const item of items) {
    const mean = meanLevel(counts?.get(item.key));
    if (mean !== null) means[item.key] = mean;
  }
  return means;
}

/** Each section's mean over its items' answers, in the order sections first appear; null when suppressed. */
export function sectionMeans(items: SurveyItem[], answered: number, counts: Counts | undefined) {
  const sections = [...new Set(items.map((item) => item.section))];
  return sections.map((section) => {
    if (isSuppressed(answered)) return { section, mean: null };
    const merged = new Map<number, number>();
    for (const item of items.filter((i) => i.section === section)) {
      for (const [level, count] of counts?.get(item.key) ?? []) merged.set(level, (merged.get(level) ?? 0) + count);
    }
    return { section, mean: meanLevel(merged) };
  });
}
