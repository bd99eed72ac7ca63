import { Controller } from "react-hook-form";
import { type GroupDetail, GroupPatch } from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { DelivererField } from "./DelivererField";
import { EditDeliveryForm } from "./EditDeliveryForm";
import { useUpdateGroup } from "./interventions.api";
import { numberOrNull, textOfNumber } from "./plan-form-values";
import { StrategyPicker } from "./StrategyPicker";

/** The group's shared delivery: who, what strategy, how often. Changes follow to its active plans. */
export function EditGroupForm({ group }: { group: GroupDetail }) {
  const update = useUpdateGroup(group.id);
  return (
    <EditDeliveryForm
      summary="Edit the group"
      schema={GroupPatch}
      defaultValues={{
        name: group.name,
        focus: "",
        strategyResourceId: group.strategyResource?.id ?? "",
        strategy: group.strategy,
        deliverer: group.deliveredBy ? { id: group.deliveredBy.id, displayName: group.deliveredBy.name } : null,
        minutesPerSession: textOfNumber(group.minutesPerSession),
        daysPerWeek: textOfNumber(group.daysPerWeek),
        schedule: group.schedule,
        reviewDate: group.reviewDate,
        goalDate: group.goalDate,
        measure: group.measure,
        goal: "",
      }}
      toInput={(values) => ({
        name: values.name,
        strategy: values.strategy,
        schedule: values.schedule,
        measure: values.measure,
        minutesPerSession: numberOrNull(values.minutesPerSession),
        daysPerWeek: numberOrNull(values.daysPerWeek),
        reviewDate: values.reviewDate,
        goalDate: values.goalDate,
        strategyResourceId: values.strategyResourceId || null,
        deliveredById: values.deliverer?.id ?? null,
      })}
      startDate={group.startDate}
      onSubmit={(patch, onSaved, showProblem) => update.mutate(patch, { onSuccess: onSaved, onError: showProblem })}
      isPending={update.isPending}
      saveLabel="Save group"
      savedMessage="Group saved. Its active plans follow the new delivery."
      fieldsBefore={(form) => (
        <>
          <TextField label="Group name" maxLength={120} {...form.register("name")} error={form.fieldError("name")} />
          <Controller
            control={form.control}
            name="strategyResourceId"
            render={({ field: resource }) => (
              <StrategyPicker
                resourceId={resource.value}
                text={form.watch("strategy")}
                onResourceChange={resource.onChange}
                onTextChange={(strategy) => form.setValue("strategy", strategy)}
                errors={{ resource: form.fieldError("strategyResourceId"), text: form.fieldError("strategy") }}
              />
            )}
          />
          <Controller
            control={form.control}
            name="deliverer"
            render={({ field }) => (
              <DelivererField
                deliverer={field.value}
                onChoose={field.onChange}
                error={form.fieldError("deliveredById")}
                noneText="Nobody chosen."
              />
            )}
          />
        </>
      )}
      fieldsAfter={(form) => (
        <TextField label="Measure" {...form.register("measure")} error={form.fieldError("measure")} />
      )}
    />
  );
}
