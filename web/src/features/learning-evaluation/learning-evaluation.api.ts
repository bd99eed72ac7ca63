import { queryOptions } from "@tanstack/react-query";
import { LearningEvaluation } from "../../../../contract/learning-evaluation";
import { api } from "../../api/client";

export type EvaluationFilters = { schoolId?: string; from?: string; to?: string };

function queryOf(filters: EvaluationFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as Record<string, string>;
}

export function learningEvaluationQuery(filters: EvaluationFilters) {
  return queryOptions({
    queryKey: ["reports", "learning", filters.schoolId ?? "district", filters.from ?? "", filters.to ?? ""],
    queryFn: () => api("/reports/learning", LearningEvaluation, { query: queryOf(filters) }),
  });
}

/** Where the same evaluation downloads as a board-ready PDF or a spreadsheet. */
export function evaluationDownloadUrl(filters: EvaluationFilters, format: "csv" | "xlsx" | "pdf"): string {
  const search = new URLSearchParams(queryOf(filters)).toString();
  return `/api/v1/reports/learning.${format}${search ? `?${search}` : ""}`;
}
