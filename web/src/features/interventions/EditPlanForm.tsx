import { type PlanDetail, PlanPatch } from "../../../../contract/interventions";
import { TextAreaField } from "../../components/Field";
import { EditDeliveryForm } from "./EditDeliveryForm";
import { useUpdatePlan } from "./interventions.api";
import { numberOrNull, textOfNumber } from "./plan-form-values";
import { ScoreField } from "./ScoreField";

/** Changes to how the plan is delivered and measured; its tier and status change only through decisions. */
export function EditPlanForm({ plan }: { plan: PlanDetail }) {
  const update = useUpdatePlan(plan.id);
  return (
    <EditDeliveryForm
      summary="Edit the plan"
      schema={PlanPatch}
      defaultValues={{
        name: "",
        focus: plan.focus,
        strategyResourceId: "",
        strategy: plan.strategy,
        deliverer: null,
        minutesPerSession: textOfNumber(plan.minutesPerSession),
        daysPerWeek: textOfNumber(plan.daysPerWeek),
        schedule: plan.schedule,
        reviewDate: plan.reviewDate,
        goalDate: plan.goalDate,
        measure: "",
        goal: String(plan.goal),
      }}
      toInput={(values) => ({
        focus: values.focus,
        strategy: values.strategy,
        schedule: values.schedule,
        minutesPerSession: numberOrNull(values.minutesPerSession),
        daysPerWeek: numberOrNull(values.daysPerWeek),
        reviewDate: values.reviewDate,
        goalDate: values.goalDate,
        goal: numberOrNull(values.goal) ?? undefined,
      })}
      startDate={plan.startDate}
      onSubmit={(patch, onSaved, showProblem) => update.mutate(patch, { onSuccess: onSaved, onError: showProblem })}
      isPending={update.isPending}
      saveLabel="Save plan"
      savedMessage="Plan saved."
      fieldsBefore={(form) => (
        <>
          <TextAreaField label="Focus" rows={2} {...form.register("focus")} error={form.fieldError("focus")} />
          <TextAreaField
            label="Strategy in your words"
            rows={2}
            {...form.register("strategy")}
            error={form.fieldError("strategy")}
          />
        </>
      )}
      fieldsAfter={(form) => (
        <ScoreField
          label="Goal"
          value={form.watch("goal")}
          error={form.fieldError("goal")}
          onChange={(event) => form.setValue("goal", event.target.value)}
        />
      )}
    />
  );
}
