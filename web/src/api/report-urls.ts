/** A leaders' report's filters (school, period): only those set go into the query. */
export type ReportFilters = { schoolId?: string; from?: string; to?: string };

export function reportQuery(filters: ReportFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as Record<string, string>;
}

/** Where a report downloads in a format: `/api/v1/reports/<name>.<format>?…`. */
export function reportDownload(name: string, filters: ReportFilters, format: "csv" | "xlsx" | "pdf"): string {
  const search = new URLSearchParams(reportQuery(filters)).toString();
  return `/api/v1/reports/${name}.${format}${search ? `?${search}` : ""}`;
}
