import type { ReactNode } from "react";
import { useController } from "react-hook-form";
import type { z } from "zod";
import type { InterventionKind } from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type ContractForm, type FormSchema, useContractForm } from "../../components/use-contract-form";
import { FocusStrategyFields, WhoWhenSection } from "./DeliverySections";
import { KindTierFields } from "./KindTierFields";
import type { PlanFormValues } from "./plan-form-values";
import { ScoreField } from "./ScoreField";

type PlanForm = ContractForm<PlanFormValues, unknown>;

type DeliveryPlanFormProps<S extends FormSchema> = {
  schema: S;
  defaultValues: PlanFormValues;
  messages: Record<string, string>;
  /** The request body the schema checks, from the values. */
  toInput: (values: PlanFormValues) => unknown;
  /** Rules beside the schema (dates in order, a goal to reach), as messages by field path. */
  check: (values: PlanFormValues) => Record<string, string>;
  /** Sends the checked body; a failure goes to `showProblem`. */
  onSubmit: (body: z.output<S>, showProblem: (error: unknown) => void) => void;
  isPending: boolean;
  submitLabel: (kind: InterventionKind) => string;
  /** Prefixes the sections' heading ids ("group" gives "group-what"), which tests and links rely on. */
  idPrefix: string;
  delivererNoneText: string;
  baselineLabel: string;
  /** Fields of the "What" section before kind and tier (a plan's team) and after them (a group's name). */
  beforeKind?: (form: PlanForm) => ReactNode;
  afterKind?: (form: PlanForm) => ReactNode;
  /** Below the scores: a group's students. */
  afterScores?: (form: PlanForm) => ReactNode;
};

/**
 * A new intervention plan, for one student or a group: what, by whom, how often, measured how, towards which goal
 * by when. The group and the single plan differ only in the slots they fill and the schema they send.
 */
export function DeliveryPlanForm<S extends FormSchema>(props: DeliveryPlanFormProps<S>) {
  const form = useContractForm<S, PlanFormValues>({
    schema: props.schema,
    defaultValues: props.defaultValues,
    messages: props.messages,
    toInput: props.toInput,
    check: props.check,
    onValid: (body) => props.onSubmit(body, form.showProblem),
  });
  const values = form.watch();
  const deliverer = useController({ control: form.control, name: "deliverer" });
  const slotForm = form as PlanForm;
  const id = (section: string) => `${props.idPrefix}-${section}`;

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
      <FormAlert message={form.formMessage} />
      <section className="panel" aria-labelledby={id("what")}>
        <h2 id={id("what")}>What</h2>
        {props.beforeKind?.(slotForm)}
        <KindTierFields
          kind={values.kind}
          tier={values.tier}
          onKindChange={(kind) => form.setValue("kind", kind)}
          onTierChange={(tier) => form.setValue("tier", tier)}
          tierError={form.fieldError("tier")}
        />
        {props.afterKind?.(slotForm)}
        <FocusStrategyFields
          focus={values.focus}
          strategy={values.strategy}
          strategyResourceId={values.strategyResourceId}
          onFocusChange={(focus) => form.setValue("focus", focus)}
          onStrategyChange={(strategy) => form.setValue("strategy", strategy)}
          onStrategyResourceChange={(resourceId) => form.setValue("strategyResourceId", resourceId)}
          error={form.fieldError}
        />
      </section>
      <WhoWhenSection
        headingId={id("how")}
        deliverer={deliverer.field.value}
        onDelivererChange={deliverer.field.onChange}
        delivererNoneText={props.delivererNoneText}
        schedule={values}
        onScheduleChange={(field, value) => form.setValue(field, value)}
        error={form.fieldError}
      />
      <section className="panel" aria-labelledby={id("measure")}>
        <h2 id={id("measure")}>Progress monitoring</h2>
        <TextField
          label="Measure"
          placeholder="Oral reading fluency, words correct per minute"
          maxLength={200}
          {...form.register("measure")}
          error={form.fieldError("measure")}
        />
        <div className="field-row">
          <ScoreField
            label={props.baselineLabel}
            value={values.baseline}
            error={form.fieldError("baseline")}
            onChange={(event) => form.setValue("baseline", event.target.value)}
          />
          <ScoreField
            label="Goal"
            value={values.goal}
            error={form.fieldError("goal")}
            onChange={(event) => form.setValue("goal", event.target.value)}
          />
        </div>
        {props.afterScores?.(slotForm)}
      </section>
      <div className="actions">
        <button type="submit" className="button" disabled={props.isPending}>
          {props.isPending ? "Creating…" : props.submitLabel(values.kind)}
        </button>
      </div>
    </form>
  );
}
