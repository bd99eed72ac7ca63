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

export function targetRollupQuery(schoolId: string | undefined) {
  return queryOptions({
    queryKey: ["analysis", "targets", schoolId ?? "all"],
    queryFn: () => api("/analysis/targets", TargetRollup, { query: { schoolId } }),
  });
}
