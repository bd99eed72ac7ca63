import { queryOptions } from "@tanstack/react-query";
import { InterventionReport } from "../../../../contract/intervention-reports";
import { api } from "../../api/client";
import { type ReportFilters, reportDownload, reportQuery } from "../../api/report-urls";

export type { ReportFilters };

export function interventionReportQuery(filters: ReportFilters) {
  return queryOptions({
    queryKey: ["reports", "interventions", filters.schoolId ?? "all", filters.from ?? "", filters.to ?? ""],
    queryFn: () => api("/reports/interventions", InterventionReport, { query: reportQuery(filters) }),
  });
}

/** Where the same report downloads as a spreadsheet or a printable PDF. */
export function reportDownloadUrl(filters: ReportFilters, format: "csv" | "xlsx" | "pdf"): string {
  return reportDownload("interventions", filters, format);
}

/** A student's support history, printable for a conference with the family. */
export function interventionHistoryUrl(studentId: string): string {
  return `/api/v1/students/${studentId}/intervention-history.pdf`;
}
