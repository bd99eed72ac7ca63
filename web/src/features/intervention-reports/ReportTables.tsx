import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { InterventionReport, Share } from "../../../../contract/intervention-reports";
import { formatDay } from "../../components/format";
import { TableFrame } from "../analysis/ChartFigure";
import { formatPercent } from "../analysis/levels";

/** The longest-overdue plans shown before "Show all". */
const FIRST_OVERDUE = 50;

const KIND_LABEL = { intervention: "Intervention", extension: "Extension" } as const;

function teamName(report: InterventionReport, communityId: string | null): string {
  if (communityId === null) return "No team";
  return report.teams.find((t) => t.id === communityId)?.name ?? "Team";
}

function ShareCells({ share }: { share: Share }) {
  return (
    <>
      <td className="cell-number">{share.numerator}</td>
      <td className="cell-number">{share.denominator}</td>
      <td className="cell-number">{formatPercent(share.share)}</td>
    </>
  );
}

/** Active plans past their review date: how many per team, and who. */
export function OverdueSection({ report }: { report: InterventionReport }) {
  const { overdue } = report;
  const [isAllShown, setIsAllShown] = useState(false);
  if (overdue.total === 0) return <p className="muted">No plan is overdue for review.</p>;
  const shown = isAllShown ? overdue.plans : overdue.plans.slice(0, FIRST_OVERDUE);
  return (
    <>
      <p>
        {overdue.total} active plan{overdue.total === 1 ? " is" : "s are"} past {overdue.total === 1 ? "its" : "their"}{" "}
        review date.
      </p>
      <TableFrame label="Overdue reviews by team">
        <table className="data-table">
          <caption className="visually-hidden">Plans overdue for review, by team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="cell-number">
                Overdue plans
              </th>
            </tr>
          </thead>
          <tbody>
            {overdue.byTeam.map((row) => (
              <tr key={row.communityId}>
                <th scope="row">{teamName(report, row.communityId)}</th>
                <td className="cell-number">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <TableFrame label="Overdue plans, student by student">
        <table className="data-table">
          <caption className="visually-hidden">Each plan overdue for review</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Team</th>
              <th scope="col">Kind</th>
              <th scope="col" className="cell-number">
                Tier
              </th>
              <th scope="col">Review date</th>
              <th scope="col" className="cell-number">
                Days overdue
              </th>
              <th scope="col">Plan</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((plan) => (
              <tr key={plan.planId}>
                <th scope="row">
                  <Link to="/students/$studentId" params={{ studentId: plan.studentId }}>
                    {plan.studentName}
                  </Link>
                </th>
                <td>{plan.communityName}</td>
                <td>{KIND_LABEL[plan.kind]}</td>
                <td className="cell-number">{plan.tier}</td>
                <td>{formatDay(plan.reviewDate)}</td>
                <td className="cell-number">{plan.daysOverdue}</td>
                <td>
                  <Link to="/interventions/plans/$planId" params={{ planId: plan.planId }}>
                    Open plan<span className="visually-hidden"> for {plan.studentName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {overdue.plans.length > shown.length ? (
        <button type="button" className="button button-secondary" onClick={() => setIsAllShown(true)}>
          Show all {overdue.plans.length} overdue plans
        </button>
      ) : null}
    </>
  );
}

/** Students below proficiency with a plan on the target, active at the assessment or started within the window. */
export function ResponsivenessSection({ report }: { report: InterventionReport }) {
  const { responsiveness } = report;
  if (responsiveness.total.denominator === 0) {
    return <p className="muted">No student scored below proficiency on an assessment given in this period.</p>;
  }
  return (
    <>
      <p>
        {responsiveness.total.numerator} of {responsiveness.total.denominator} (
        {formatPercent(responsiveness.total.share)}) were responded to in time. A student below proficiency on two
        assessments counts twice: each is a call to respond. Responded to in time means that, on every target they
        scored below proficiency on, the student had an intervention plan on that target (or a plan naming no target)
        that was already active on the day of the assessment or started within the assessment team's response window, in
        school days (Monday to Friday). A result scored on only some of a target's items is not counted as below
        proficiency, unless the assessment's team chose to count it in its settings.
      </p>
      <TableFrame label="Responsiveness by team">
        <table className="data-table">
          <caption className="visually-hidden">Students below proficiency responded to in time, by team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="cell-number">
                Response window (school days)
              </th>
              <th scope="col" className="cell-number">
                Responded to in time
              </th>
              <th scope="col" className="cell-number">
                Below proficiency
              </th>
              <th scope="col" className="cell-number">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {responsiveness.byTeam.map((row) => (
              <tr key={row.communityId ?? "none"}>
                <th scope="row">{teamName(report, row.communityId)}</th>
                <td className="cell-number">{row.responseDays}</td>
                <ShareCells share={row} />
              </tr>
            ))}
            <tr>
              <th scope="row">All teams</th>
              <td className="cell-number">—</td>
              <ShareCells share={responsiveness.total} />
            </tr>
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

/** Plans closed in the period and the share that met their goal, per team and kind. */
export function OutcomesSection({ report }: { report: InterventionReport }) {
  const { outcomes } = report;
  if (outcomes.total.denominator === 0) return <p className="muted">No plan was closed in this period.</p>;
  return (
    <>
      <p>
        {outcomes.total.numerator} of {outcomes.total.denominator} plans closed in this period met their goal (
        {formatPercent(outcomes.total.share)}).
      </p>
      <TableFrame label="Outcomes by team">
        <table className="data-table">
          <caption className="visually-hidden">
            Plans closed in the period that met their goal, by team and kind
          </caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Kind</th>
              <th scope="col" className="cell-number">
                Met the goal
              </th>
              <th scope="col" className="cell-number">
                Closed
              </th>
              <th scope="col" className="cell-number">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {outcomes.byTeam.map((row) => (
              <tr key={`${row.communityId}-${row.kind}`}>
                <th scope="row">{teamName(report, row.communityId)}</th>
                <td>{KIND_LABEL[row.kind]}</td>
                <ShareCells share={row} />
              </tr>
            ))}
            {outcomes.byKind.map((row) => (
              <tr key={row.kind}>
                <th scope="row">All teams</th>
                <td>{KIND_LABEL[row.kind]}</td>
                <ShareCells share={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
