import { Controller } from "react-hook-form";
import { SelectField, TextField } from "../../components/Field";
import type { ContractForm } from "../../components/use-contract-form";
import type { PersonFormValues } from "./person-form";
import { RoleRows } from "./RoleRows";

/** Name, email, language and roles: shared by "Add person" and the person's edit form. */
export function PersonFields<Output>({ form }: { form: ContractForm<PersonFormValues, Output> }) {
  return (
    <>
      <TextField
        label="Name"
        autoComplete="off"
        {...form.register("displayName")}
        error={form.fieldError("displayName")}
        required
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        {...form.register("email")}
        error={form.fieldError("email")}
        required
      />
      <SelectField
        label="Preferred language"
        {...form.register("preferredLanguage")}
        hint="Emails from Collective are written in this language."
        error={form.fieldError("preferredLanguage")}
      >
        <option value="en">English</option>
        <option value="es" lang="es">
          Español
        </option>
      </SelectField>
      <Controller
        control={form.control}
        name="roles"
        render={({ field }) => <RoleRows roles={field.value} onChange={field.onChange} errorAt={form.fieldError} />}
      />
    </>
  );
}
