import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { InterventionReport } from "../../../../contract/intervention-reports";
import { ApiError } from "../../api/client";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { PeriodFilters, ReportDownloads } from "../../components/PeriodFilters";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { interventionReportQuery, type ReportFilters, reportDownloadUrl } from "./intervention-reports.api";
import { OutcomesSection, OverdueSection, ResponsivenessSection } from "./ReportTables";
import { TiersSection } from "./TiersChart";

const route = getRouteApi("/signed-in/interventions/reports");

/** For school and district leaders: tiers over time, overdue reviews, responsiveness and outcomes, by team. */
export function InterventionReportsPage() {
  const me = useMe();
  const isLeader = me.can.readInterventionReports;
  const { schoolId } = route.useSearch();
  const [filters, setFilters] = useState<ReportFilters>(schoolId ? { schoolId } : {});
  const report = useQuery({
    ...interventionReportQuery(filters),
    enabled: isLeader,
    placeholderData: keepPreviousData,
  });
  if (!isLeader || (report.error instanceof ApiError && report.error.status === 403)) {
    return (
      <>
        <PageHeader title="Intervention reports" />
        <p>Intervention reports are for school and district leaders.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Intervention reports"
        description="Who gets support, how quickly, and whether it works: by team and in total."
        actions={
          <ReportDownloads
            links={[
              { label: "Download CSV", href: reportDownloadUrl(filters, "csv") },
              { label: "Download Excel", href: reportDownloadUrl(filters, "xlsx") },
              { label: "Download PDF", href: reportDownloadUrl(filters, "pdf") },
            ]}
          />
        }
      />
      {report.data ? <ReportFiltersForm report={report.data} onApply={setFilters} /> : null}
      <QueryResult query={report} loadingLabel="Building the report…">
        {(data) => <ReportView report={data} />}
      </QueryResult>
    </>
  );
}

function ReportFiltersForm({ report, onApply }: { report: InterventionReport; onApply: (f: ReportFilters) => void }) {
  const isDistrictWide = report.scope.label === "Whole district" || report.schools.length > 1;
  return (
    <PeriodFilters
      label="Report filters"
      submitLabel="Show report"
      schools={isDistrictWide ? report.schools : []}
      allSchoolsLabel={report.scope.schoolId === null ? report.scope.label : "All my schools"}
      initial={{ schoolId: report.scope.schoolId ?? "", from: report.scope.from, to: report.scope.to }}
      onApply={onApply}
    />
  );
}

function ReportView({ report }: { report: InterventionReport }) {
  return (
    <>
      <p>
        {report.scope.label}, {formatDay(report.scope.from)} to {formatDay(report.scope.to)}.
      </p>
      <section className="analysis-section" aria-labelledby="report-tiers">
        <h2 id="report-tiers">Students by tier over time</h2>
        <p className="field-hint">
          Students with an active intervention plan at the end of each month (today for this month), each counted once,
          at their highest tier that day.
        </p>
        <TiersSection report={report} />
      </section>
      <section className="analysis-section" aria-labelledby="report-overdue">
        <h2 id="report-overdue">Plans overdue for review</h2>
        <OverdueSection report={report} />
      </section>
      <section className="analysis-section" aria-labelledby="report-responsiveness">
        <h2 id="report-responsiveness">Responsiveness</h2>
        <ResponsivenessSection report={report} />
      </section>
      <section className="analysis-section" aria-labelledby="report-outcomes">
        <h2 id="report-outcomes">Outcomes</h2>
        <OutcomesSection report={report} />
      </section>
    </>
  );
}
