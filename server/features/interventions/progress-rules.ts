/*
 * Progress monitoring arithmetic: the aim line from baseline to goal, the ordinary-least-squares trend of the
 * scores, and the decision rule over the latest points. Dates are ISO calendar dates; x is days since the
 * plan's start. A goal below the baseline (fewer errors, say) flips what "behind" means.
 */

export type ProgressPoint = { measuredOn: string; score: number };
export type AimLine = { startDate: string; baseline: number; goalDate: string; goal: number };
export type Trend = { slopePerDay: number; interceptAtStart: number };
export type DecisionFlag = "adjust" | "consider_exit";
export type RuleResult = {
  flag: DecisionFlag | null;
  /** The points the rule looked at (the latest n, oldest first), each with the aim line's value that day. */
  window: { measuredOn: string; score: number; aim: number }[];
  /** Points still needed before the rule can speak. */
  pointsNeeded: number;
};

const DAY_MS = 86_400_000;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

/** The aim line's value on a date (extended past the goal date at the same slope). */
export function aimValueOn(aim: AimLine, dateIso: string): number {
  const span = daysBetween(aim.startDate, aim.goalDate);
  if (span <= 0) return aim.goal;
  return aim.baseline + ((aim.goal - aim.baseline) * daysBetween(aim.startDate, dateIso)) / span;
}

/** Ordinary least squares over (days since start, score); null until two different days have scores. */
export function olsTrend(startDate: string, points: readonly ProgressPoint[]): Trend | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => daysBetween(startDate, p.measuredOn));
  const ys = points.map((p) => p.score);
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY);
    sxx += ((xs[i] as number) - meanX) ** 2;
  }
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  return { slopePerDay, interceptAtStart: meanY - slopePerDay * meanX };
}

export function trendValueOn(trend: Trend, startDate: string, dateIso: string): number {
  return trend.interceptAtStart + trend.slopePerDay * daysBetween(startDate, dateIso);
}

/**
 * The decision rule: when each of the latest n points is behind the aim line, "adjust"; when each is ahead
 * of it, "consider exit". A point exactly on the line breaks either run.
 */
export function applyDecisionRule(aim: AimLine, points: readonly ProgressPoint[], n = 4): RuleResult {
  const sorted = [...points].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const latest = sorted.slice(-n);
  const window = latest.map((p) => ({ measuredOn: p.measuredOn, score: p.score, aim: aimValueOn(aim, p.measuredOn) }));
  if (latest.length < n) return { flag: null, window, pointsNeeded: n - latest.length };
  const direction = aim.goal >= aim.baseline ? 1 : -1;
  const gaps = window.map((p) => (p.score - p.aim) * direction);
  const flag = gaps.every((g) => g < 0) ? "adjust" : gaps.every((g) => g > 0) ? "consider_exit" : null;
  return { flag, window, pointsNeeded: 0 };
}

/** Whether a score reaches the goal, in the goal's direction. */
export function meetsGoal(aim: AimLine, score: number): boolean {
  return aim.goal >= aim.baseline ? score >= aim.goal : score <= aim.goal;
}
