import type { AnalysisTarget, LevelCount } from "../../../../contract/analysis";

/**
 * One colour per proficiency level, lowest first, each dark enough for white labels (4.5:1) and distinct from
 * the white page (3:1); the bars also carry their counts, and every chart has a table.
 */
const LEVEL_COLORS = ["#a4211a", "#8a4b00", "#1e6b3a", "#1d4f91", "#5b2e7e", "#0f5f68"];

export function levelColor(index: number): string {
  return LEVEL_COLORS[index % LEVEL_COLORS.length] as string;
}

/** Every level any target uses, lowest first. */
export function levelsOf(targets: readonly { levels: readonly LevelCount[] }[]): number[] {
  const levels = new Set<number>();
  for (const target of targets) for (const l of target.levels) levels.add(l.level);
  return [...levels].sort((a, b) => a - b);
}

/** A level's name: the team's scale label where there is one ("3 · Proficient"), else "Level 3". */
export function levelName(level: number, targets: readonly AnalysisTarget[]): string {
  for (const target of targets) {
    const label = target.levelLabels.find((l) => l.level === level)?.label;
    if (label) return `${level} · ${label}`;
  }
  return `Level ${level}`;
}

export function countAt(levels: readonly LevelCount[], level: number): number {
  return levels.find((l) => l.level === level)?.count ?? 0;
}

export function targetName(target: { code: string | null; statement: string }): string {
  return target.code ?? target.statement;
}

export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value}%`;
}
