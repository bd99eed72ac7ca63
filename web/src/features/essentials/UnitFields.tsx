import type { StandardHit } from "../../../../contract/standards";
import { TextAreaField, TextField } from "../../components/Field";
import type { ContractForm } from "../../components/use-contract-form";

export type UnitValues = { unitTitle: string; grade: string; startsOn: string; endsOn: string; rationale: string };

/** A unit's fields, and the standard when one is being added (editing keeps the standard it has). */
export type UnitFormValues = UnitValues & { standard: StandardHit | null };

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

/** When the standard is essential (a unit and its dates), for which grade, and why the team chose it. */
export function UnitFields<Output>({ form }: { form: ContractForm<UnitFormValues, Output> }) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="Unit"
          hint="For example “Unit 2: Theme”."
          maxLength={200}
          {...form.register("unitTitle")}
          error={form.fieldError("unitTitle")}
        />
        <TextField
          label="Grade or course"
          className="field-narrow"
          maxLength={20}
          {...form.register("grade")}
          error={form.fieldError("grade")}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Starts on"
          type="date"
          className="field-narrow"
          {...form.register("startsOn")}
          error={form.fieldError("startsOn")}
        />
        <TextField
          label="Ends on"
          type="date"
          className="field-narrow"
          {...form.register("endsOn")}
          error={form.fieldError("endsOn")}
        />
      </div>
      <TextAreaField
        label="Why it is essential"
        hint="Endurance, leverage, readiness for the next level: what the team agreed."
        rows={3}
        maxLength={4000}
        {...form.register("rationale")}
        error={form.fieldError("rationale")}
      />
    </>
  );
}
