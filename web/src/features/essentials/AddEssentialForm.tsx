import { useState } from "react";
import { Controller } from "react-hook-form";
import { EssentialStandardInput } from "../../../../contract/essentials";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useCreateEssential } from "./essentials.api";
import { StandardPicker } from "./StandardPicker";
import { EMPTY_UNIT, UnitFields, type UnitFormValues, type UnitValues, unitFields } from "./UnitFields";

/** Picks a standard as essential for a unit; the team then unpacks it and writes its scale. */
export function AddEssentialForm({ communityId, lastUnit }: { communityId: string; lastUnit: UnitValues | null }) {
  const createEssential = useCreateEssential(communityId);
  const [added, setAdded] = useState<string | null>(null);
  // A new key clears the search once a standard is added, ready for the next one.
  const [pickerKey, setPickerKey] = useState(0);
  const form = useContractForm<typeof EssentialStandardInput, UnitFormValues>({
    schema: EssentialStandardInput,
    // A team usually picks several standards for the same unit, so the last unit's fields stay filled in.
    defaultValues: { ...(lastUnit ?? EMPTY_UNIT), standard: null },
    toInput: ({ standard, ...unit }) => ({ standardId: standard?.id ?? "", ...unitFields(unit) }),
    messages: {
      standardId: "Search for a standard and choose it.",
      endsOn: "The unit must end on or after the day it starts.",
    },
    onValid: (input) =>
      createEssential.mutate(input, {
        onSuccess: (created) => {
          setAdded(
            `${created.standard.humanCodingScheme ?? "The standard"} is essential for ${created.unitTitle || "the team"}.`,
          );
          form.setValue("standard", null);
          setPickerKey((key) => key + 1);
        },
        onError: form.showProblem,
      }),
  });

  return (
    <form
      ref={form.formRef}
      onSubmit={(event) => {
        setAdded(null);
        return form.onSubmit(event);
      }}
      noValidate
      className="form form-wide"
      aria-labelledby="add-essential"
    >
      <h2 id="add-essential">Add an essential standard</h2>
      <FormAlert message={form.formMessage} />
      <Controller
        control={form.control}
        name="standard"
        render={({ field }) => (
          <StandardPicker
            key={pickerKey}
            selected={field.value}
            onSelect={field.onChange}
            error={form.fieldError("standardId")}
          />
        )}
      />
      <UnitFields form={form} />
      <div className="actions">
        <button type="submit" className="button" disabled={createEssential.isPending}>
          Add essential standard
        </button>
        <span role="status" className="save-status">
          {added}
        </span>
      </div>
    </form>
  );
}
