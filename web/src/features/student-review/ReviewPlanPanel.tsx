import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReviewItem } from "../../../../contract/student-review";
import { formatDay } from "../../components/format";
import { FamilyNotesSection } from "../family-voice/FamilyNotesSection";
import { FlagBadge } from "../interventions/FlagBadge";
import { planQuery } from "../interventions/interventions.api";
import { ProgressChart } from "../interventions/ProgressChart";
import { TierHistory } from "../interventions/TierHistory";
import { DecisionForm } from "./DecisionForm";
import styles from "./ReviewPlanPanel.module.css";

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

function howOften(item: ReviewItem): string {
  const parts = [
    item.minutesPerSession ? `${item.minutesPerSession} min` : null,
    item.daysPerWeek ? `${item.daysPerWeek} days a week` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" × ") : "Not set";
}

/** Why a plan is on the list, in words. */
export function reasonsFlagged(item: ReviewItem): string[] {
  return [
    item.flag === "adjust" ? `Last ${item.rulePoints} points below the aim line` : null,
    item.flag === "consider_exit" ? `Last ${item.rulePoints} points above the aim line` : null,
    item.isOverdue ? `Review overdue since ${formatDay(item.reviewDate)}` : null,
    item.unacknowledgedNotes > 0
      ? `${item.unacknowledgedNotes} unread ${item.unacknowledgedNotes === 1 ? "note" : "notes"} from family`
      : null,
  ].filter((reason): reason is string => reason !== null);
}

/** One plan in the review walk-through: its facts, the latest points against the aim, family notes, the decision. */
export function ReviewPlanPanel({
  item,
  meetingId,
  onDecided,
}: {
  item: ReviewItem;
  meetingId?: string | undefined;
  onDecided: () => void;
}) {
  const reasons = reasonsFlagged(item);
  // The plan's page data brings the chart (points, aim line, trend, attendance) and the tier history.
  const plan = useQuery(planQuery(item.planId));
  // Once the team decides, the plan may have moved on from the list the walk started with.
  const tier = plan.data?.tier ?? item.tier;
  const isClosed = plan.data?.status === "closed";
  return (
    <div className={styles.plan}>
      <h3>
        <Link to="/students/$studentId" params={{ studentId: item.student.id }}>
          {item.student.name}
        </Link>{" "}
        <FlagBadge flag={item.flag} />
      </h3>
      {reasons.length > 0 ? <p>{reasons.join(" · ")}</p> : null}
      <dl className="details">
        <dt>Tier</dt>
        <dd>
          Tier {tier} {item.kind === "extension" ? "extension" : "intervention"}
          {isClosed ? " (closed)" : ""}
        </dd>
        {item.group ? (
          <>
            <dt>Group</dt>
            <dd>{item.group.name}</dd>
          </>
        ) : null}
        <dt>Focus</dt>
        <dd>{item.focus || "—"}</dd>
        <dt>Strategy</dt>
        <dd>{item.strategy || "—"}</dd>
        <dt>How often</dt>
        <dd>{howOften(item)}</dd>
        <dt>Delivered by</dt>
        <dd>{item.deliveredBy?.name ?? "—"}</dd>
        <dt>Measure</dt>
        <dd>{item.measure}</dd>
        <dt>Baseline → goal</dt>
        <dd>
          {number.format(item.baseline)} → {number.format(item.goal)} by {formatDay(item.goalDate)}
        </dd>
        <dt>Review date</dt>
        <dd>{formatDay(item.reviewDate)}</dd>
      </dl>
      <p>
        <Link to="/interventions/plans/$planId" params={{ planId: item.planId }}>
          Open the plan
        </Link>
      </p>
      {plan.data ? (
        <ProgressChart plan={plan.data} />
      ) : item.points.length === 0 ? (
        <p className="muted">No progress scores yet.</p>
      ) : (
        <table className="data-table">
          <caption>
            Latest {item.points.length} points against the aim line
            {item.pointsNeeded > 0 ? ` (${item.pointsNeeded} more needed before the decision rule applies)` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Aim line</th>
              <th scope="col">Compared with the aim</th>
            </tr>
          </thead>
          <tbody>
            {item.points.map((point) => {
              const isAhead = (point.score - point.aim) * (item.goal >= item.baseline ? 1 : -1) > 0;
              return (
                <tr key={point.measuredOn}>
                  <td>{formatDay(point.measuredOn)}</td>
                  <td>{number.format(point.score)}</td>
                  <td>{number.format(point.aim)}</td>
                  <td>{point.score === point.aim ? "On the line" : isAhead ? "Ahead" : "Behind"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FamilyNotesSection studentId={item.student.id} headingLevel={3} />
      {plan.data ? <TierHistory decisions={plan.data.decisions} /> : null}
      {isClosed ? (
        <p>This plan is closed; the team has decided.</p>
      ) : (
        <DecisionForm
          key={`${item.planId}-${tier}`}
          planId={item.planId}
          tier={tier}
          flag={item.flag}
          meetingId={meetingId}
          onRecorded={onDecided}
        />
      )}
    </div>
  );
}
