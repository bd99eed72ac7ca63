import { type FormEvent, useState } from "react";
import type { z } from "zod";
import {
  type DecisionFlag,
  DecisionInput,
  type DecisionKind,
  type PlanDecision,
  type PlanOutcome,
} from "../../../../contract/student-review";
import { RadioGroup } from "../../components/ChoiceGroup";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import styles from "./DecisionForm.module.css";
import { useRecordDecision } from "./student-review.api";

const DECISION_CHOICES: { value: DecisionKind; label: string; hint: string }[] = [
  { value: "continue", label: "Continue", hint: "Keep the plan as it is until the next review." },
  { value: "adjust", label: "Adjust", hint: "Change the strategy, time or goal, at the same tier." },
  { value: "intensify", label: "Intensify", hint: "Move to a higher tier, with more time or a different strategy." },
  { value: "exit", label: "Exit", hint: "Close the plan and record whether the goal was met." },
];

const OUTCOME_CHOICES: { value: PlanOutcome; label: string }[] = [
  { value: "met", label: "Goal met" },
  { value: "not_met", label: "Goal not met" },
];

function inTwoWeeks(): string {
  const date = new Date(`${todayIso()}T00:00:00`);
  date.setDate(date.getDate() + 14);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

const numberOrUndefined = (text: string) => (text.trim() === "" ? undefined : Number(text));

type Props = {
  planId: string;
  tier: number;
  flag: DecisionFlag | null;
  meetingId?: string | undefined;
  onRecorded?: (decision: PlanDecision) => void;
};

/** The team's decision on one plan, with the reason; intensify moves the tier, exit closes the plan. */
export function DecisionForm({ planId, tier, flag, meetingId, onRecorded }: Props) {
  const record = useRecordDecision(planId);
  const [decision, setDecision] = useState<DecisionKind | null>(flag === "consider_exit" ? "exit" : null);
  const [reason, setReason] = useState("");
  const [newTier, setNewTier] = useState(String(Math.min(tier + 1, 3)));
  const [outcome, setOutcome] = useState<PlanOutcome | null>(null);
  const [nextReviewDate, setNextReviewDate] = useState(inTwoWeeks());
  const [strategy, setStrategy] = useState("");
  const [minutes, setMinutes] = useState("");
  const [days, setDays] = useState("");
  const [goal, setGoal] = useState("");
  const [goalDate, setGoalDate] = useState("");
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  const canIntensify = tier < 3;
  const hasChanges = decision === "adjust" || decision === "intensify";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const changes = hasChanges
      ? {
          ...(strategy.trim() ? { strategy: strategy.trim() } : {}),
          minutesPerSession: numberOrUndefined(minutes),
          daysPerWeek: numberOrUndefined(days),
          goal: numberOrUndefined(goal),
          goalDate: goalDate || undefined,
        }
      : undefined;
    const values: z.input<typeof DecisionInput> = {
      decision: decision ?? ("" as DecisionKind),
      reason,
      flag,
      ...(meetingId ? { meetingId } : {}),
      ...(decision !== "exit" ? { nextReviewDate } : {}),
      ...(decision === "intensify" ? { tier: Number(newTier) } : {}),
      ...(decision === "exit" && outcome ? { outcome } : {}),
      ...(changes ? { changes } : {}),
    };
    const checked = validateForm(DecisionInput, values, {
      decision: "Choose a decision.",
      reason: "Say why the team decided this.",
    });
    if (checked.problem) return setProblem(checked.problem);
    if (decision === "exit" && !outcome)
      return setProblem({ fields: { outcome: "Say whether the goal was met." }, message: null });
    setProblem(NO_PROBLEM);
    try {
      const recorded = await record.mutateAsync(checked.data);
      setSaved(`Recorded: ${recorded.decision}.`);
      setReason("");
      onRecorded?.(recorded);
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  return (
    <form onSubmit={handleSubmit} className={styles.form} aria-label="Record the team's decision" noValidate>
      <FormAlert message={problem.message} />
      <RadioGroup
        legend="Decision"
        choices={DECISION_CHOICES.map((choice) =>
          choice.value === "intensify" && !canIntensify
            ? { ...choice, hint: "Already at tier 3, the most intensive tier.", disabled: true }
            : choice,
        )}
        value={decision}
        onChange={setDecision}
        error={problem.fields.decision}
      />
      <TextAreaField
        label="Reason"
        hint="What the data and the team's discussion showed."
        value={reason}
        rows={3}
        onChange={(event) => setReason(event.target.value)}
        error={problem.fields.reason}
      />
      {decision === "intensify" ? (
        <SelectField
          label="New tier"
          value={newTier}
          onChange={(event) => setNewTier(event.target.value)}
          error={problem.fields.tier}
        >
          {[2, 3]
            .filter((t) => t > tier)
            .map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
        </SelectField>
      ) : null}
      {hasChanges ? (
        <fieldset className={styles.changes}>
          <legend>Changes to the plan (leave blank to keep)</legend>
          <TextField
            label="Strategy"
            value={strategy}
            onChange={(event) => setStrategy(event.target.value)}
            error={problem.fields["changes/strategy"]}
          />
          <TextField
            label="Minutes per session"
            type="number"
            min={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            error={problem.fields["changes/minutesPerSession"]}
          />
          <TextField
            label="Days per week"
            type="number"
            min={1}
            max={7}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            error={problem.fields["changes/daysPerWeek"]}
          />
          <TextField
            label="Goal"
            type="number"
            step="any"
            value={goal}
            onChange={(event) => setGoal(event.target.value)}
            error={problem.fields["changes/goal"]}
          />
          <TextField
            label="Goal date"
            type="date"
            value={goalDate}
            onChange={(event) => setGoalDate(event.target.value)}
            error={problem.fields["changes/goalDate"]}
          />
        </fieldset>
      ) : null}
      {decision === "exit" ? (
        <RadioGroup
          legend="Outcome"
          choices={OUTCOME_CHOICES}
          value={outcome}
          onChange={setOutcome}
          error={problem.fields.outcome}
          isInline
        />
      ) : (
        <TextField
          label="Next review"
          type="date"
          value={nextReviewDate}
          min={todayIso()}
          onChange={(event) => setNextReviewDate(event.target.value)}
          error={problem.fields.nextReviewDate}
        />
      )}
      <FormAlert message={saved} tone="success" />
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? "Recording…" : "Record decision"}
      </button>
    </form>
  );
}
