import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { InterventionReport } from "../../../../contract/intervention-reports";
import { ApiError } from "../../api/client";
import { SelectField, TextField } from "../../components/Field";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { interventionReportQuery, type ReportFilters, reportDownloadUrl } from "./intervention-reports.api";
import { OutcomesSection, OverdueSection, ResponsivenessSection } from "./ReportTables";
import { TiersSection } from "./TiersChart";

/** For school and district leaders: tiers over time, overdue reviews, responsiveness and outcomes, by team. */
export function InterventionReportsPage() {
  const me = useMe();
  const isLeader = me.can.readInterventionReports;
  const [filters, setFilters] = useState<ReportFilters>({});
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
          <div className="analysis-downloads">
            <a className="button button-secondary" href={reportDownloadUrl(filters, "csv")} download>
              Download CSV
            </a>
            <a className="button button-secondary" href={reportDownloadUrl(filters, "xlsx")} download>
              Download Excel
            </a>
            <a className="button button-secondary" href={reportDownloadUrl(filters, "pdf")} download>
              Download PDF
            </a>
          </div>
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
  const [schoolId, setSchoolId] = useState(report.scope.schoolId ?? "");
  const [from, setFrom] = useState(report.scope.from);
  const [to, setTo] = useState(report.scope.to);
  const isDistrictWide = report.scope.label === "Whole district" || report.schools.length > 1;
  const error = from && to && from > to ? "The period must start before it ends." : undefined;
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (error) return;
    onApply({ schoolId: schoolId || undefined, from: from || undefined, to: to || undefined });
  }
  return (
    <form className="filters" onSubmit={handleSubmit} aria-label="Report filters">
      {isDistrictWide ? (
        <SelectField label="School" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
          <option value="">{report.scope.schoolId === null ? report.scope.label : "All my schools"}</option>
          {report.schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField label="From" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <TextField label="To" type="date" value={to} error={error} onChange={(event) => setTo(event.target.value)} />
      <div className="field">
        <button type="submit" className="button">
          Show report
        </button>
      </div>
    </form>
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
