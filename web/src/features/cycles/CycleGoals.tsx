import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Cycle, CycleResults } from "../../../../contract/cycles";
import { GOAL_KINDS, GoalInput, type GoalKind, type GoalSummary } from "../../../../contract/goals";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { useContractForm } from "../../components/use-contract-form";
import { ProgressBar, StatusBadge } from "../goals/GoalBits";
import { goalListQuery, useCreateGoal } from "../goals/goals.api";
import { cycleResultsQuery } from "./cycles.api";

type SnapshotTarget = CycleResults["snapshot"][number];

const KIND_LABELS: Record<GoalKind, string> = {
  student: "Students' learning",
  educator: "Our own learning and practice",
};

const targetName = (t: { code: string | null; statement: string }) =>
  t.code ? `${t.code} ${t.statement}` : t.statement;

/** The share of the baseline's students at or above proficient, in percent with one decimal, as the goals measure it. */
function baselineShare(target: SnapshotTarget | undefined): string {
  if (!target || target.students === 0) return "";
  return String(Math.round((target.proficient / target.students) * 1000) / 10);
}

/** The fields as typed: numbers as text, "" for a goal measured by its check-ins. */
type CycleGoalValues = {
  kind: GoalKind;
  title: string;
  targetId: string;
  baseline: string;
  target: string;
  startsOn: string;
  dueOn: string;
  servesGoalId: string;
};

const number = (text: string) => (text.trim() === "" ? null : Number(text));

type CycleGoalFormProps = { cycle: Cycle; snapshot: SnapshotTarget[]; schoolGoals: GoalSummary[] };

/** Sets a team goal within the cycle, measured on one of its baseline targets (or by check-ins), serving a school goal. */
function CycleGoalForm({ cycle, snapshot, schoolGoals }: CycleGoalFormProps) {
  const create = useCreateGoal();
  const queryClient = useQueryClient();
  const first = snapshot[0];
  const form = useContractForm<typeof GoalInput, CycleGoalValues>({
    schema: GoalInput,
    defaultValues: {
      kind: "student",
      title: "",
      targetId: first?.targetId ?? "",
      baseline: baselineShare(first),
      target: "",
      startsOn: cycle.startsOn,
      dueOn: cycle.endsOn ?? "",
      servesGoalId: "",
    },
    toInput: (v) => ({
      level: "team",
      kind: v.kind,
      title: v.title,
      communityId: cycle.communityId,
      cycleId: cycle.id,
      measure: v.targetId ? { kind: "proficiency_share", targetId: v.targetId } : { kind: "checkin" },
      baseline: number(v.baseline),
      target: number(v.target),
      startsOn: v.startsOn,
      dueOn: v.dueOn,
      servesGoalIds: v.servesGoalId ? [v.servesGoalId] : [],
    }),
    messages: {
      title: "Say what the goal is.",
      target: "Enter the value the goal aims for.",
      baseline: "Enter the baseline as a number, or leave it empty.",
      startsOn: "Choose when the goal starts.",
      dueOn: "Choose a due date after the start.",
    },
    onValid: (goal) =>
      create.mutate(goal, {
        onSuccess: async () => {
          form.reset();
          await queryClient.invalidateQueries({ queryKey: cycleResultsQuery(cycle.id).queryKey });
        },
        onError: form.showProblem,
      }),
  });
  const targetField = form.register("targetId");

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide" aria-label="Set a goal">
      <FormAlert message={form.formMessage} />
      <SelectField label="Goal for" {...form.register("kind")} error={form.fieldError("kind")}>
        {GOAL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <TextField label="Goal" {...form.register("title")} error={form.fieldError("title")} required />
      <SelectField
        label="Measured by"
        hint="The share of students at or above proficient on a target of the baseline, or the team's check-ins."
        {...targetField}
        onChange={async (event) => {
          await targetField.onChange(event);
          const chosen = snapshot.find((t) => t.targetId === event.target.value);
          form.setValue("baseline", baselineShare(chosen));
        }}
        error={form.errorWithin("measure")}
      >
        {snapshot.map((t) => (
          <option key={t.targetId} value={t.targetId}>
            Proficient on {targetName(t)}
          </option>
        ))}
        <option value="">Check-ins</option>
      </SelectField>
      <TextField
        label="Baseline (optional)"
        hint="From the cycle's baseline where the goal is measured on one of its targets."
        inputMode="decimal"
        {...form.register("baseline")}
        error={form.fieldError("baseline")}
      />
      <TextField
        label="Target"
        inputMode="decimal"
        {...form.register("target")}
        error={form.fieldError("target")}
        required
      />
      <TextField label="Starts on" type="date" {...form.register("startsOn")} error={form.fieldError("startsOn")} />
      <TextField label="Due on" type="date" {...form.register("dueOn")} error={form.fieldError("dueOn")} />
      <SelectField label="Serves" {...form.register("servesGoalId")} error={form.errorWithin("servesGoalIds")}>
        <option value="">No school goal</option>
        {schoolGoals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.school ? `${g.school.name}: ` : ""}
            {g.title}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          Set goal
        </button>
      </div>
    </form>
  );
}

function CycleGoalList({ goals }: { goals: GoalSummary[] }) {
  if (goals.length === 0) return <p>No goals set for this cycle yet.</p>;
  return (
    <TableScroll label="The cycle's goals">
      <table className="data-table">
        <caption className="visually-hidden">The cycle's goals</caption>
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">For</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => (
            <tr key={g.id}>
              <td>
                <Link to="/goals/$goalId" params={{ goalId: g.id }}>
                  {g.title}
                </Link>
              </td>
              <td>{KIND_LABELS[g.kind]}</td>
              <td>
                <StatusBadge status={g.progress.status} />
              </td>
              <td>
                <ProgressBar goal={g} />
              </td>
              <td>{formatDay(g.dueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Stage 2: the cycle's shared goals (students' and educators') with their status, and a form to set one. */
export function CycleGoals({ cycle }: { cycle: Cycle }) {
  const goals = useQuery(goalListQuery({ cycleId: cycle.id, sort: "level" }));
  const schoolGoals = useQuery(goalListQuery({ level: "school", sort: "title" }));
  const results = useQuery(cycleResultsQuery(cycle.id));
  const maySet =
    cycle.status === "active" && (goals.data?.create.communities.some((c) => c.id === cycle.communityId) ?? false);
  return (
    <>
      <h3>Goals</h3>
      <QueryResult query={goals} loadingLabel="Loading the cycle's goals…">
        {(list) => <CycleGoalList goals={list.items} />}
      </QueryResult>
      {maySet && results.data && schoolGoals.data ? (
        <>
          <h3>Set a goal for this cycle</h3>
          <CycleGoalForm cycle={cycle} snapshot={results.data.snapshot} schoolGoals={schoolGoals.data.items} />
        </>
      ) : null}
    </>
  );
}
