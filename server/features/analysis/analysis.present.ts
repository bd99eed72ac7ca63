import { percentOf, type TargetRollup } from "../../../contract/analysis";
import type { AnalysisQueryResult } from "./analysis.queries";
import { buildSubgroups } from "./analysis-subgroups";
import type { RollupPeriod, TargetRollupRaw } from "./target-rollup.queries";

/**
 * The analysis response as JSON text: PostgreSQL already wrote each section, so they are joined as they are
 * (the shape is contract/analysis.ts AssessmentAnalysis); only the subgroups are built here, to suppress them.
 */
export function analysisJson(result: AnalysisQueryResult): string {
  const subgroups = buildSubgroups(result.demographicCounts, result.targetTotals);
  return (
    `{"assessment":${result.assessment},"sittings":${result.sittings},"targets":${result.targets},` +
    `"classes":${result.classes},"teachers":${result.teachers},"items":${result.items},` +
    `"students":${result.students},"subgroups":${JSON.stringify(subgroups)}}`
  );
}

export function presentTargetRollup(
  schoolId: string | null,
  period: RollupPeriod,
  rows: TargetRollupRaw[],
): TargetRollup {
  return {
    schoolId,
    period,
    items: rows.map((row) => ({ ...row, proficientPercent: percentOf(row.proficient, row.assessed) })),
  };
}
