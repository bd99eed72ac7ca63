import { TextAreaField, TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";

export type UnitValues = { unitTitle: string; grade: string; startsOn: string; endsOn: string; rationale: string };

export const EMPTY_UNIT: UnitValues = { unitTitle: "", grade: "", startsOn: "", endsOn: "", rationale: "" };

/** The form's values as the API takes them: blanks become null where a field is optional. */
export function unitFields(values: UnitValues) {
  return {
    unitTitle: values.unitTitle.trim(),
    grade: values.grade.trim() || null,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    rationale: values.rationale.trim(),
  };
}

type UnitFieldsProps = { values: UnitValues; onChange: (patch: Partial<UnitValues>) => void; errors: FieldErrors };

/** When the standard is essential (a unit and its dates), for which grade, and why the team chose it. */
export function UnitFields({ values, onChange, errors }: UnitFieldsProps) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="Unit"
          hint="For example “Unit 2: Theme”."
          value={values.unitTitle}
          maxLength={200}
          onChange={(event) => onChange({ unitTitle: event.target.value })}
          error={errors.unitTitle}
        />
        <TextField
          label="Grade or course"
          className="field-narrow"
          value={values.grade}
          maxLength={20}
          onChange={(event) => onChange({ grade: event.target.value })}
          error={errors.grade}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Starts on"
          type="date"
          className="field-narrow"
          value={values.startsOn}
          onChange={(event) => onChange({ startsOn: event.target.value })}
          error={errors.startsOn}
        />
        <TextField
          label="Ends on"
          type="date"
          className="field-narrow"
          value={values.endsOn}
          onChange={(event) => onChange({ endsOn: event.target.value })}
          error={errors.endsOn}
        />
      </div>
      <TextAreaField
        label="Why it is essential"
        hint="Endurance, leverage, readiness for the next level: what the team agreed."
        value={values.rationale}
        rows={3}
        maxLength={4000}
        onChange={(event) => onChange({ rationale: event.target.value })}
        error={errors.rationale}
      />
    </>
  );
}
