import { SelectField, TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";
import type { PersonFormValues } from "./person-form";
import { RoleRows } from "./RoleRows";

type PersonFieldsProps = {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  errors: FieldErrors;
};

/** Name, email, language and roles: shared by "Add person" and the person's edit form. */
export function PersonFields({ values, onChange, errors }: PersonFieldsProps) {
  return (
    <>
      <TextField
        label="Name"
        autoComplete="off"
        value={values.displayName}
        onChange={(event) => onChange({ ...values, displayName: event.target.value })}
        error={errors.displayName}
        required
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={(event) => onChange({ ...values, email: event.target.value })}
        error={errors.email}
        required
      />
      <SelectField
        label="Preferred language"
        value={values.preferredLanguage}
        onChange={(event) => onChange({ ...values, preferredLanguage: event.target.value === "es" ? "es" : "en" })}
        hint="Emails from Collective are written in this language."
        error={errors.preferredLanguage}
      >
        <option value="en">English</option>
        <option value="es" lang="es">
          Español
        </option>
      </SelectField>
      <RoleRows roles={values.roles} onChange={(roles) => onChange({ ...values, roles })} errors={errors} />
    </>
  );
}
