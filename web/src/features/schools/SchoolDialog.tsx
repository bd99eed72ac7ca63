import { type School, SchoolInput, SchoolLevel } from "../../../../contract/schools";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { LEVEL_LABELS } from "./school-levels";
import { useCreateSchool, useUpdateSchool } from "./schools.api";

type SchoolDialogProps = {
  /** The school being edited, or null to add a new one. */
  school: School | null;
  open: boolean;
  onClose: () => void;
  onSaved: (school: School) => void;
};

/** Adds a school, or edits one's name and level. */
export function SchoolDialog({ school, open, onClose, onSaved }: SchoolDialogProps) {
  return (
    <Dialog open={open} title={school ? `Edit ${school.name}` : "Add school"} onClose={onClose}>
      <SchoolForm school={school} onCancel={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function SchoolForm({
  school,
  onCancel,
  onSaved,
}: Omit<SchoolDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const createSchool = useCreateSchool();
  const updateSchool = useUpdateSchool();
  const form = useContractForm({
    schema: SchoolInput,
    defaultValues: { name: school?.name ?? "", level: school?.level ?? "elementary" },
    messages: { name: "Enter the school's name." },
    onValid: (input) => {
      const callbacks = { onSuccess: onSaved, onError: form.showProblem };
      if (school) updateSchool.mutate({ id: school.id, patch: input }, callbacks);
      else createSchool.mutate(input, callbacks);
    },
  });
  const isPending = createSchool.isPending || updateSchool.isPending;

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <TextField label="Name" {...form.register("name")} error={form.fieldError("name")} autoComplete="off" required />
      <SelectField label="Level" {...form.register("level")} error={form.fieldError("level")}>
        {SchoolLevel.options.map((option) => (
          <option key={option} value={option}>
            {LEVEL_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={isPending}>
          Save
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
