import { queryOptions } from "@tanstack/react-query";
import { InterventionReport } from "../../../../contract/intervention-reports";
import { api } from "../../api/client";

export type ReportFilters = { schoolId?: string; from?: string; to?: string };

function queryOf(filters: ReportFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as Record<string, string>;
}

export function interventionReportQuery(filters: ReportFilters) {
  return queryOptions({
    queryKey: ["reports", "interventions", filters.schoolId ?? "all", filters.from ?? "", filters.to ?? ""],
    queryFn: () => api("/reports/interventions", InterventionReport, { query: queryOf(filters) }),
  });
}

/** Where the same report downloads as a spreadsheet or a printable PDF. */
export function reportDownloadUrl(filters: ReportFilters, format: "csv" | "xlsx" | "pdf"): string {
  const search = new URLSearchParams(queryOf(filters)).toString();
  return `/api/v1/reports/interventions.${format}${search ? `?${search}` : ""}`;
}

/** A student's support history, printable for a conference with the family. */
export function interventionHistoryUrl(studentId: string): string {
  return `/api/v1/students/${studentId}/intervention-history.pdf`;
}
