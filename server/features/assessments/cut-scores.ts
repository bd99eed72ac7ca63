import type { CutScore } from "../../../contract/assessments";

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Cut scores spread evenly over a target's points: with n levels the thresholds sit at k/(n-1) of the
 * points (k = 0…n-1), so the lowest level starts at 0 and the highest asks for every point. Teams edit them.
 */
export function defaultCutScores(maxPoints: number, levelCount: number): CutScore[] {
  const steps = Math.max(levelCount - 1, 1);
  return Array.from({ length: levelCount }, (_, index) => ({
    level: index + 1,
    minPoints: round2((maxPoints * index) / steps),
  }));
}

export type CutScoreProblem = { path: string; message: string };

/**
 * What is wrong with a team's cut scores for a target worth `maxPoints` on a scale of `levelCount` levels:
 * one per level, in order, starting at 0, each higher than the last, none above the points available.
 * Paths are relative to the target's entry ("cutScores/2/minPoints").
 */
export function cutScoreProblems(cutScores: readonly CutScore[], maxPoints: number, levelCount: number) {
  const problems: CutScoreProblem[] = [];
  if (cutScores.length !== levelCount) {
    problems.push({ path: "cutScores", message: `Give a cut score for each of the scale's ${levelCount} levels.` });
    return problems;
  }
  cutScores.forEach((cut, index) => {
    const at = `cutScores/${index}`;
    if (cut.level !== index + 1) problems.push({ path: `${at}/level`, message: `This should be level ${index + 1}.` });
    const previous = cutScores[index - 1];
    if (index === 0 && cut.minPoints !== 0) {
      problems.push({ path: `${at}/minPoints`, message: "The lowest level starts at 0 points." });
    } else if (previous && cut.minPoints <= previous.minPoints) {
      problems.push({ path: `${at}/minPoints`, message: "Each level needs more points than the level below it." });
    } else if (cut.minPoints > maxPoints) {
      problems.push({ path: `${at}/minPoints`, message: `At most ${maxPoints}: the target's items are worth that.` });
    }
  });
  return problems;
}
