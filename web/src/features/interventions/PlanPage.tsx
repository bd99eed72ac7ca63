import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import {
  INTERVENTION_KIND_LABELS,
  type PlanDetail,
  SESSION_ATTENDANCE_LABELS,
} from "../../../../contract/interventions";
import { ApiError } from "../../api/client";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { NotFoundPage } from "../shell/NotFoundPage";
import { DecisionForm } from "../student-review/DecisionForm";
import { EditPlanForm } from "./EditPlanForm";
import { EntryPanels } from "./EntryPanel";
import { FactsList } from "./FactsList";
import { FlagBadge } from "./FlagBadge";
import { formatScore } from "./intervention-format";
import { planQuery } from "./interventions.api";
import { PlanScoreForm, PlanSessionForm } from "./PlanEntryForms";
import { ProgressChart } from "./ProgressChart";
import { TierHistory } from "./TierHistory";

const route = getRouteApi("/signed-in/interventions/plans/$planId");

/** One student's plan: its facts, progress against the aim line, sessions, and the team's decisions. */
export function PlanPage() {
  const { planId } = route.useParams();
  const plan = useQuery(planQuery(planId));
  // The server answers 404 to anyone who may not read the plan, so it reads as a missing page.
  if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
  return (
    <QueryResult query={plan} loadingLabel="Loading the plan…" header={<PageHeader title="Plan" />}>
      {(data) => <PlanView plan={data} />}
    </QueryResult>
  );
}

function howOften(plan: PlanDetail): string {
  return (
    [
      plan.minutesPerSession ? `${plan.minutesPerSession} minutes` : null,
      plan.daysPerWeek ? `${plan.daysPerWeek} days a week` : null,
      plan.schedule || null,
    ]
      .filter(Boolean)
      .join(", ") || "—"
  );
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const isActive = plan.status === "active";
  const facts: [string, string][] = [
    ["Team", plan.communityName],
    ["Focus", plan.focus || "—"],
    ["Strategy", [plan.strategyResource?.title, plan.strategy].filter(Boolean).join(" — ") || "—"],
    ["Delivered by", plan.deliveredBy?.name ?? "—"],
    ["How often", howOften(plan)],
    ["Measure", plan.measure],
    [
      "Baseline and goal",
      `${formatScore(plan.baseline)} on ${formatDay(plan.startDate)} → ${formatScore(plan.goal)} by ${formatDay(plan.goalDate)}`,
    ],
    ["Review", formatDay(plan.reviewDate)],
  ];
  const { fidelity } = plan;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/students/$studentId" params={{ studentId: plan.student.id }}>
          ← {plan.student.name}
        </Link>
        {plan.groupId ? (
          <>
            {" · "}
            <Link to="/interventions/groups/$groupId" params={{ groupId: plan.groupId }}>
              {plan.groupName}
            </Link>
          </>
        ) : null}
      </p>
      <PageHeader
        title={`${plan.student.name}: ${INTERVENTION_KIND_LABELS[plan.kind].toLowerCase()} plan`}
        description={
          <>
            Tier {plan.tier} ·{" "}
            {isActive
              ? "Active"
              : `Closed${plan.outcome ? (plan.outcome === "met" ? ", goal met" : ", goal not met") : ""}`}{" "}
            <FlagBadge flag={plan.flag} />
          </>
        }
      />
      <section className="panel" aria-labelledby="plan-facts">
        <h2 id="plan-facts">The plan</h2>
        <FactsList facts={facts} />
        {plan.strategyResource ? (
          <p>
            <Link to="/library/$resourceId" params={{ resourceId: plan.strategyResource.id }}>
              Open the strategy in the library
            </Link>
          </p>
        ) : null}
      </section>
      {plan.can.update && isActive ? <EditPlanForm plan={plan} /> : null}
      <section className="analysis-section" aria-labelledby="plan-progress">
        <h2 id="plan-progress">Progress monitoring</h2>
        <ProgressChart plan={plan} />
      </section>
      <section className="panel" aria-labelledby="plan-fidelity">
        <h2 id="plan-fidelity">Sessions (fidelity)</h2>
        <p>
          {fidelity.held === 0
            ? "No sessions held yet."
            : `Attended ${fidelity.present} of ${fidelity.held} sessions held (${fidelity.attendancePercent}%).`}{" "}
          {fidelity.planned !== null ? `The plan calls for ${fidelity.planned} sessions so far.` : null}
        </p>
        {plan.sessions.length ? (
          <details className="name-list">
            <summary>Every session ({plan.sessions.length})</summary>
            <ul className="link-list">
              {plan.sessions.map((session) => (
                <li key={session.sessionOn}>
                  {formatDay(session.sessionOn)}: {SESSION_ATTENDANCE_LABELS[session.attendance].toLowerCase()}
                  {session.minutes ? `, ${session.minutes} minutes` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      {plan.can.recordProgress && isActive ? (
        <EntryPanels>
          <PlanScoreForm planId={plan.id} />
          <PlanSessionForm planId={plan.id} minutesPerSession={plan.minutesPerSession} />
        </EntryPanels>
      ) : null}
      <TierHistory decisions={plan.decisions} />
      {plan.can.decide && isActive ? (
        <section className="panel" aria-labelledby="plan-decision">
          <h2 id="plan-decision">Record a decision</h2>
          <DecisionForm planId={plan.id} tier={plan.tier} flag={plan.rule.flag} />
        </section>
      ) : null}
    </>
  );
}
