import { type FormEvent, useRef, useState } from "react";
import { type PlanDetail, PlanPatch, planDateProblems } from "../../../../contract/interventions";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useUpdatePlan } from "./interventions.api";
import { numberOrNull } from "./plan-form-values";
import { ScheduleFields } from "./ScheduleFields";
import { ScoreField } from "./ScoreField";

/** Changes to how the plan is delivered and measured; its tier and status change only through decisions. */
export function EditPlanForm({ plan }: { plan: PlanDetail }) {
  const update = useUpdatePlan(plan.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState({
    focus: plan.focus,
    strategy: plan.strategy,
    schedule: plan.schedule,
    minutesPerSession: plan.minutesPerSession === null ? "" : String(plan.minutesPerSession),
    daysPerWeek: plan.daysPerWeek === null ? "" : String(plan.daysPerWeek),
    reviewDate: plan.reviewDate,
    goalDate: plan.goalDate,
    goal: String(plan.goal),
  });
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  useFocusFirstError(formRef, problem);
  const set = (field: keyof typeof text) => (event: { target: { value: string } }) =>
    setText((current) => ({ ...current, [field]: event.target.value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const values = {
      ...text,
      minutesPerSession: numberOrNull(text.minutesPerSession),
      daysPerWeek: numberOrNull(text.daysPerWeek),
      goal: numberOrNull(text.goal) ?? undefined,
    };
    const checked = validateForm(PlanPatch, values);
    const dates = planDateProblems({ ...values, startDate: plan.startDate });
    if (checked.problem || dates.length) {
      const fields = { ...(checked.problem?.fields ?? {}) };
      for (const p of dates) fields[p.pointer.slice(1)] ??= p.detail;
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    update.mutate(checked.data, {
      onSuccess: () => setSaved("Plan saved."),
      onError: (failure) => setProblem(problemFromError(failure)),
    });
  }

  const error = (path: string) => problem.fields[path];
  return (
    <details className="panel">
      <summary>Edit the plan</summary>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <FormAlert message={saved} tone="success" />
        <TextAreaField label="Focus" rows={2} value={text.focus} error={error("focus")} onChange={set("focus")} />
        <TextAreaField
          label="Strategy in your words"
          rows={2}
          value={text.strategy}
          error={error("strategy")}
          onChange={set("strategy")}
        />
        <ScheduleFields
          values={text}
          onChange={(field, value) => setText((current) => ({ ...current, [field]: value }))}
          error={error}
        />
        <ScoreField label="Goal" value={text.goal} error={error("goal")} onChange={set("goal")} />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save plan"}
          </button>
        </div>
      </form>
    </details>
  );
}
