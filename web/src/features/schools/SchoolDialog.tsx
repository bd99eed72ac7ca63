import { type FormEvent, useRef, useState } from "react";
import { type School, SchoolInput, SchoolLevel } from "../../../../contract/schools";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(school?.name ?? "");
  const [level, setLevel] = useState<School["level"]>(school?.level ?? "elementary");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);
  const isPending = createSchool.isPending || updateSchool.isPending;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(SchoolInput, { name, level }, { name: "Enter the school's name." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    const callbacks = { onSuccess: onSaved, onError: (error: unknown) => setProblem(problemFromError(error)) };
    if (school) updateSchool.mutate({ id: school.id, patch: checked.data }, callbacks);
    else createSchool.mutate(checked.data, callbacks);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem.fields.name}
        autoComplete="off"
        required
      />
      <SelectField
        label="Level"
        value={level}
        onChange={(event) => setLevel(SchoolLevel.parse(event.target.value))}
        error={problem.fields.level}
      >
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
