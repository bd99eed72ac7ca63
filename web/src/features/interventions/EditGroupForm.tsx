import { type FormEvent, useRef, useState } from "react";
import { type GroupDetail, GroupPatch, planDateProblems } from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import type { ChosenPerson } from "../communities/PersonPicker";
import { DelivererField } from "./DelivererField";
import { useUpdateGroup } from "./interventions.api";
import { numberOrNull } from "./plan-form-values";
import { ScheduleFields } from "./ScheduleFields";
import { StrategyPicker } from "./StrategyPicker";

/** The group's shared delivery: who, what strategy, how often. Changes follow to its active plans. */
export function EditGroupForm({ group }: { group: GroupDetail }) {
  const update = useUpdateGroup(group.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState({
    name: group.name,
    strategy: group.strategy,
    schedule: group.schedule,
    measure: group.measure,
    minutesPerSession: group.minutesPerSession === null ? "" : String(group.minutesPerSession),
    daysPerWeek: group.daysPerWeek === null ? "" : String(group.daysPerWeek),
    reviewDate: group.reviewDate,
    goalDate: group.goalDate,
  });
  const [strategyResourceId, setStrategyResourceId] = useState(group.strategyResource?.id ?? "");
  const [deliverer, setDeliverer] = useState<ChosenPerson | null>(
    group.deliveredBy ? { id: group.deliveredBy.id, displayName: group.deliveredBy.name } : null,
  );
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  useFocusFirstError(formRef, problem);
  const set = (field: keyof typeof text) => (event: { target: { value: string } }) =>
    setText((current) => ({ ...current, [field]: event.target.value }));
  const error = (path: string) => problem.fields[path];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const values = {
      ...text,
      minutesPerSession: numberOrNull(text.minutesPerSession),
      daysPerWeek: numberOrNull(text.daysPerWeek),
      strategyResourceId: strategyResourceId || null,
      deliveredById: deliverer?.id ?? null,
    };
    const checked = validateForm(GroupPatch, values);
    const dates = planDateProblems({ ...values, startDate: group.startDate });
    if (checked.problem || dates.length) {
      const fields = { ...(checked.problem?.fields ?? {}) };
      for (const p of dates) fields[p.pointer.slice(1)] ??= p.detail;
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    update.mutate(checked.data, {
      onSuccess: () => setSaved("Group saved. Its active plans follow the new delivery."),
      onError: (failure) => setProblem(problemFromError(failure)),
    });
  }

  return (
    <details className="panel">
      <summary>Edit the group</summary>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <FormAlert message={saved} tone="success" />
        <TextField label="Group name" value={text.name} maxLength={120} error={error("name")} onChange={set("name")} />
        <StrategyPicker
          resourceId={strategyResourceId}
          text={text.strategy}
          onResourceChange={setStrategyResourceId}
          onTextChange={(strategy) => setText((current) => ({ ...current, strategy }))}
          errors={{ resource: error("strategyResourceId"), text: error("strategy") }}
        />
        <DelivererField
          deliverer={deliverer}
          onChoose={setDeliverer}
          error={error("deliveredById")}
          noneText="Nobody chosen."
        />
        <ScheduleFields
          values={text}
          onChange={(field, value) => setText((current) => ({ ...current, [field]: value }))}
          error={error}
        />
        <TextField label="Measure" value={text.measure} error={error("measure")} onChange={set("measure")} />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save group"}
          </button>
        </div>
      </form>
    </details>
  );
}
