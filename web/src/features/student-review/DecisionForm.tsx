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
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
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

/** The form's values as people enter them: numbers as typed, choices not yet made as null. */
type DecisionValues = {
  decision: DecisionKind | null;
  reason: string;
  newTier: string;
  outcome: PlanOutcome | null;
  nextReviewDate: string;
  strategy: string;
  minutes: string;
  days: string;
  goal: string;
  goalDate: string;
};

const hasChanges = (decision: DecisionKind | null) => decision === "adjust" || decision === "intensify";

/** The request body: only the parts the chosen decision uses. */
function decisionBody(values: DecisionValues, flag: DecisionFlag | null, meetingId: string | undefined) {
  const { decision } = values;
  const changes = hasChanges(decision)
    ? {
        ...(values.strategy.trim() ? { strategy: values.strategy.trim() } : {}),
        minutesPerSession: numberOrUndefined(values.minutes),
        daysPerWeek: numberOrUndefined(values.days),
        goal: numberOrUndefined(values.goal),
        goalDate: values.goalDate || undefined,
      }
    : undefined;
  const body: z.input<typeof DecisionInput> = {
    decision: decision ?? ("" as DecisionKind),
    reason: values.reason,
    flag,
    ...(meetingId ? { meetingId } : {}),
    ...(decision !== "exit" ? { nextReviewDate: values.nextReviewDate } : {}),
    ...(decision === "intensify" ? { tier: Number(values.newTier) } : {}),
    ...(decision === "exit" && values.outcome ? { outcome: values.outcome } : {}),
    ...(changes ? { changes } : {}),
  };
  return body;
}

/** The team's decision on one plan, with the reason; intensify moves the tier, exit closes the plan. */
export function DecisionForm({ planId, tier, flag, meetingId, onRecorded }: Props) {
  const record = useRecordDecision(planId);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof DecisionInput, DecisionValues>({
    schema: DecisionInput,
    defaultValues: {
      decision: flag === "consider_exit" ? "exit" : null,
      reason: "",
      newTier: String(Math.min(tier + 1, 3)),
      outcome: null,
      nextReviewDate: inTwoWeeks(),
      strategy: "",
      minutes: "",
      days: "",
      goal: "",
      goalDate: "",
    },
    toInput: (values) => decisionBody(values, flag, meetingId),
    messages: { decision: "Choose a decision.", reason: "Say why the team decided this." },
    // The contract leaves the outcome optional for API clients; exiting a plan without one says nothing.
    check: ({ decision, outcome }): Record<string, string> =>
      decision === "exit" && !outcome ? { outcome: "Say whether the goal was met." } : {},
    onValid: (body) =>
      record.mutate(body, {
        onSuccess: (recorded) => {
          setSaved(`Recorded: ${recorded.decision}.`);
          form.setValue("reason", "");
          onRecorded?.(recorded);
        },
        onError: form.showProblem,
      }),
  });
  const values = form.watch();
  const { decision } = values;
  const canIntensify = tier < 3;

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    void form.onSubmit(event);
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={handleSubmit}
      className={styles.form}
      aria-label="Record the team's decision"
      noValidate
    >
      <FormAlert message={form.formMessage} />
      <RadioGroup
        legend="Decision"
        choices={DECISION_CHOICES.map((choice) =>
          choice.value === "intensify" && !canIntensify
            ? { ...choice, hint: "Already at tier 3, the most intensive tier.", disabled: true }
            : choice,
        )}
        value={decision}
        onChange={(next) => form.setValue("decision", next)}
        error={form.fieldError("decision")}
      />
      <TextAreaField
        label="Reason"
        hint="What the data and the team's discussion showed."
        rows={3}
        {...form.register("reason")}
        error={form.fieldError("reason")}
      />
      {decision === "intensify" ? (
        <SelectField label="New tier" {...form.register("newTier")} error={form.fieldError("tier")}>
          {[2, 3]
            .filter((t) => t > tier)
            .map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
        </SelectField>
      ) : null}
      {hasChanges(decision) ? (
        <fieldset className={styles.changes}>
          <legend>Changes to the plan (leave blank to keep)</legend>
          <TextField label="Strategy" {...form.register("strategy")} error={form.fieldError("changes/strategy")} />
          <TextField
            label="Minutes per session"
            type="number"
            min={1}
            {...form.register("minutes")}
            error={form.fieldError("changes/minutesPerSession")}
          />
          <TextField
            label="Days per week"
            type="number"
            min={1}
            max={7}
            {...form.register("days")}
            error={form.fieldError("changes/daysPerWeek")}
          />
          <TextField
            label="Goal"
            type="number"
            step="any"
            {...form.register("goal")}
            error={form.fieldError("changes/goal")}
          />
          <TextField
            label="Goal date"
            type="date"
            {...form.register("goalDate")}
            error={form.fieldError("changes/goalDate")}
          />
        </fieldset>
      ) : null}
      {decision === "exit" ? (
        <RadioGroup
          legend="Outcome"
          choices={OUTCOME_CHOICES}
          value={values.outcome}
          onChange={(next) => form.setValue("outcome", next)}
          error={form.fieldError("outcome")}
          isInline
        />
      ) : (
        <TextField
          label="Next review"
          type="date"
          min={todayIso()}
          {...form.register("nextReviewDate")}
          error={form.fieldError("nextReviewDate")}
        />
      )}
      <FormAlert message={saved} tone="success" />
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? "Recording…" : "Record decision"}
      </button>
    </form>
  );
}
