import { queryOptions } from "@tanstack/react-query";
import { LearningEvaluation } from "../../../../contract/learning-evaluation";
import { api } from "../../api/client";
import { type ReportFilters, reportDownload, reportQuery } from "../../api/report-urls";

export type EvaluationFilters = ReportFilters;

export function learningEvaluationQuery(filters: EvaluationFilters) {
  return queryOptions({
    queryKey: ["reports", "learning", filters.schoolId ?? "district", filters.from ?? "", filters.to ?? ""],
    queryFn: () => api("/reports/learning", LearningEvaluation, { query: reportQuery(filters) }),
  });
}

/** Where the same evaluation downloads as a board-ready PDF or a spreadsheet. */
export function evaluationDownloadUrl(filters: EvaluationFilters, format: "csv" | "xlsx" | "pdf"): string {
  return reportDownload("learning", filters, format);
}
