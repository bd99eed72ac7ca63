import { type FormEvent, type ReactNode, useState } from "react";
import type { z } from "zod";
import { planDateProblems } from "../../../../contract/interventions";
import { FormAlert } from "../../components/FormAlert";
import { type ContractForm, type FormSchema, useContractForm } from "../../components/use-contract-form";
import type { PlanFormValues } from "./plan-form-values";
import { ScheduleFields } from "./ScheduleFields";

/** A plan's or group's delivery as people edit it: numbers as typed, the deliverer as chosen. */
export type DeliveryEditValues = Pick<
  PlanFormValues,
  | "name"
  | "focus"
  | "strategyResourceId"
  | "strategy"
  | "deliverer"
  | "minutesPerSession"
  | "daysPerWeek"
  | "schedule"
  | "reviewDate"
  | "goalDate"
  | "measure"
  | "goal"
>;

export type DeliveryEditForm = ContractForm<DeliveryEditValues, unknown>;

type EditDeliveryFormProps<S extends FormSchema> = {
  summary: string;
  schema: S;
  defaultValues: DeliveryEditValues;
  /** The patch the schema checks, from the values. */
  toInput: (values: DeliveryEditValues) => unknown;
  /** The start cannot change here, but the review and goal dates must still follow it. */
  startDate: string;
  /** Sends the checked patch; `onSaved` after it is stored, a failure to `showProblem`. */
  onSubmit: (patch: z.output<S>, onSaved: () => void, showProblem: (error: unknown) => void) => void;
  isPending: boolean;
  saveLabel: string;
  savedMessage: string;
  /** The fields above the schedule, and those below it. */
  fieldsBefore: (form: DeliveryEditForm) => ReactNode;
  fieldsAfter: (form: DeliveryEditForm) => ReactNode;
};

/** Edits how an active plan or group is delivered: a folded panel, its own fields, then how often and until when. */
export function EditDeliveryForm<S extends FormSchema>(props: EditDeliveryFormProps<S>) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<S, DeliveryEditValues>({
    schema: props.schema,
    defaultValues: props.defaultValues,
    toInput: props.toInput,
    check: (values) =>
      Object.fromEntries(
        planDateProblems({ ...values, startDate: props.startDate }).map((problem) => [
          problem.pointer.slice(1),
          problem.detail,
        ]),
      ),
    onValid: (patch) => props.onSubmit(patch, () => setSaved(props.savedMessage), form.showProblem),
  });
  const values = form.watch();
  const slotForm = form as DeliveryEditForm;

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    return form.onSubmit(event);
  }

  return (
    <details className="panel">
      <summary>{props.summary}</summary>
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <FormAlert message={saved} tone="success" />
        {props.fieldsBefore(slotForm)}
        <ScheduleFields
          values={values}
          onChange={(field, value) => {
            if (field !== "startDate") form.setValue(field, value);
          }}
          error={form.fieldError}
        />
        {props.fieldsAfter(slotForm)}
        <div className="actions">
          <button type="submit" className="button" disabled={props.isPending}>
            {props.isPending ? "Saving…" : props.saveLabel}
          </button>
        </div>
      </form>
    </details>
  );
}
