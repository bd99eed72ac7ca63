import { queryOptions } from "@tanstack/react-query";
import { AssessmentAnalysis, TargetRollup } from "../../../../contract/analysis";
import { api } from "../../api/client";

export function analysisQuery(assessmentId: string) {
  return queryOptions({
    queryKey: ["analysis", assessmentId],
    queryFn: () => api(`/assessments/${assessmentId}/analysis`, AssessmentAnalysis),
  });
}

/** Where the same numbers download as a spreadsheet. */
export function analysisDownloadUrl(assessmentId: string, format: "csv" | "xlsx"): string {
  return `/api/v1/assessments/${assessmentId}/analysis.${format}`;
}

/** The rollup of a school (or every school the reader may see), over the results taken between from and to. */
export function targetRollupQuery(schoolId: string | undefined, from: string | undefined, to: string | undefined) {
  return queryOptions({
    queryKey: ["analysis", "targets", schoolId ?? "all", from ?? "", to ?? ""],
    queryFn: () => api("/analysis/targets", TargetRollup, { query: { schoolId, from, to } }),
  });
}
