import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { Goal } from "../../../../contract/goals";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { CheckinForm } from "./CheckinForm";
import { ProgressBar, StatusBadge } from "./GoalBits";
import { GoalChart } from "./GoalChart";
import { formatValue, LEVEL_LABELS, MEASURE_LABELS } from "./goal-format";
import { goalQuery, useUpdateGoal } from "./goals.api";

const route = getRouteApi("/signed-in/goals/$goalId");

/** One goal: its measure and progress, the goals it serves and that serve it, its check-ins. */
export function GoalPage() {
  const { goalId } = route.useParams();
  const goal = useQuery(goalQuery(goalId));
  return (
    <QueryResult query={goal} loadingLabel="Loading the goal…">
      {(data) => <GoalDetail goal={data} />}
    </QueryResult>
  );
}

function Linked({ title, goals }: { title: string; goals: Goal["serves"] }) {
  return (
    <>
      <dt>{title}</dt>
      <dd>
        {goals.length === 0 ? (
          "None"
        ) : (
          <ul>
            {goals.map((g) => (
              <li key={g.id}>
                {LEVEL_LABELS[g.level]}:{" "}
                <Link to="/goals/$goalId" params={{ goalId: g.id }}>
                  {g.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

function GoalDetail({ goal }: { goal: Goal }) {
  const update = useUpdateGoal(goal.id);
  return (
    <>
      <PageHeader
        title={goal.title}
        description={`${LEVEL_LABELS[goal.level]} goal · ${goal.owner.name}${goal.archived ? " · archived" : ""}`}
        actions={
          goal.can.update ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={update.isPending}
              onClick={() => update.mutate({ archived: !goal.archived })}
            >
              {goal.archived ? "Restore" : "Archive"}
            </button>
          ) : null
        }
      />
      <FormAlert message={update.isError ? "The goal could not be changed. Try again." : null} />
      <section className="panel" aria-labelledby="goal-progress-heading">
        <h2 id="goal-progress-heading">Progress</h2>
        <p>
          <StatusBadge status={goal.progress.status} /> <ProgressBar goal={goal} />
        </p>
        {goal.description ? <p>{goal.description}</p> : null}
        <dl className="details">
          <dt>Measured by</dt>
          <dd>{MEASURE_LABELS[goal.measure.kind]}</dd>
          <dt>Baseline</dt>
          <dd>{formatValue(goal.baseline, goal.unit)}</dd>
          <dt>Target</dt>
          <dd>{formatValue(goal.target, goal.unit)}</dd>
          <dt>Window</dt>
          <dd>
            {formatDay(goal.startsOn)} to {formatDay(goal.dueOn)}
          </dd>
          {goal.school ? (
            <>
              <dt>School</dt>
              <dd>{goal.school.name}</dd>
            </>
          ) : null}
          {goal.community ? (
            <>
              <dt>Team</dt>
              <dd>{goal.community.name}</dd>
            </>
          ) : null}
          <Linked title="Serves" goals={goal.serves} />
          <Linked title="Served by" goals={goal.servedBy} />
        </dl>
      </section>
      <GoalChart goal={goal} />
      <section className="panel" aria-labelledby="checkins-heading">
        <h2 id="checkins-heading">Check-ins</h2>
        {goal.checkins.length === 0 ? (
          <EmptyState title="No check-ins yet" headingLevel={3} />
        ) : (
          <ol className="thread-list">
            {[...goal.checkins].reverse().map((c) => (
              <li key={c.id} className="thread-item">
                <p>
                  <strong>{formatDay(c.checkedOn)}</strong>
                  {c.value !== null ? ` · ${formatValue(c.value, goal.unit)}` : ""}
                  {c.author ? ` · ${c.author.name}` : ""}
                </p>
                {c.note ? <p>{c.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {goal.can.checkIn && !goal.archived ? <CheckinForm goal={goal} /> : null}
    </>
  );
}
