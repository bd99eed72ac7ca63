import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { INTERVENTION_KIND_LABELS, type PlanSummary } from "../../../../contract/interventions";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { FlagBadge } from "./FlagBadge";
import { formatScore } from "./intervention-format";
import { studentPlansQuery } from "./interventions.api";
import styles from "./StudentPlansSection.module.css";

function statusOf(plan: PlanSummary): string {
  if (plan.status === "active") return "Active";
  return plan.outcome === "met" ? "Closed, goal met" : plan.outcome === "not_met" ? "Closed, goal not met" : "Closed";
}

/** Every plan of the student, past and present, across teams, teachers and years: one place for all of them. */
export function StudentPlansSection({ studentId }: { studentId: string }) {
  const plans = useQuery(studentPlansQuery(studentId));
  // Family members read the student page but not staff plans (they have the family view); say nothing.
  if (plans.error instanceof ApiError && [403, 404].includes(plans.error.status)) return null;
  return (
    <section className="analysis-section" aria-labelledby="student-plans">
      <div className={styles.headingRow}>
        <h2 id="student-plans">Support plans</h2>
        {plans.isSuccess ? (
          <Link className="button button-secondary" to="/students/$studentId/plans/new" params={{ studentId }}>
            New support plan
          </Link>
        ) : null}
      </div>
      <QueryResult
        query={plans}
        loadingLabel="Loading support plans…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No support plans" headingLevel={3}>
            <p>Intervention and extension plans from any team appear here, newest first.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">
                The student's intervention and extension plans, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Team</th>
                  <th scope="col" className="cell-number">
                    Tier
                  </th>
                  <th scope="col">Dates</th>
                  <th scope="col">Delivered by</th>
                  <th scope="col" className="cell-number">
                    Latest score
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link to="/interventions/plans/$planId" params={{ planId: plan.id }}>
                        {INTERVENTION_KIND_LABELS[plan.kind]}: {plan.focus || plan.measure}
                      </Link>
                      {plan.groupName ? <span className="muted"> ({plan.groupName})</span> : null}
                    </th>
                    <td>{plan.communityName}</td>
                    <td className="cell-number">{plan.tier}</td>
                    <td className="cell-nowrap">
                      {formatDay(plan.startDate)} – {formatDay(plan.goalDate)}
                    </td>
                    <td>{plan.deliveredBy?.name ?? "—"}</td>
                    <td className="cell-number">{formatScore(plan.latestScore)}</td>
                    <td>
                      {statusOf(plan)} <FlagBadge flag={plan.flag} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryResult>
    </section>
  );
}
