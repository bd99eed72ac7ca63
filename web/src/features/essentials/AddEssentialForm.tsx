import { type FormEvent, useRef, useState } from "react";
import { EssentialStandardInput } from "../../../../contract/essentials";
import type { StandardHit } from "../../../../contract/standards";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useCreateEssential } from "./essentials.api";
import { StandardPicker } from "./StandardPicker";
import { EMPTY_UNIT, UnitFields, type UnitValues, unitFields } from "./UnitFields";

/** Picks a standard as essential for a unit; the team then unpacks it and writes its scale. */
export function AddEssentialForm({ communityId, lastUnit }: { communityId: string; lastUnit: UnitValues | null }) {
  const createEssential = useCreateEssential(communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [standard, setStandard] = useState<StandardHit | null>(null);
  // A team usually picks several standards for the same unit, so the last unit's fields stay filled in.
  const [values, setValues] = useState<UnitValues>(lastUnit ?? EMPTY_UNIT);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [added, setAdded] = useState<string | null>(null);
  // A new key clears the search once a standard is added, ready for the next one.
  const [pickerKey, setPickerKey] = useState(0);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const checked = validateForm(
      EssentialStandardInput,
      { standardId: standard?.id ?? "", ...unitFields(values) },
      {
        standardId: "Search for a standard and choose it.",
        endsOn: "The unit must end on or after the day it starts.",
      },
    );
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    createEssential.mutate(checked.data, {
      onSuccess: (created) => {
        setAdded(
          `${created.standard.humanCodingScheme ?? "The standard"} is essential for ${created.unitTitle || "the team"}.`,
        );
        setStandard(null);
        setPickerKey((key) => key + 1);
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide" aria-labelledby="add-essential">
      <h2 id="add-essential">Add an essential standard</h2>
      <FormAlert message={problem.message} />
      <StandardPicker key={pickerKey} selected={standard} onSelect={setStandard} error={problem.fields.standardId} />
      <UnitFields values={values} onChange={(patch) => setValues({ ...values, ...patch })} errors={problem.fields} />
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
