import { ChangePasswordInput } from "../../../../contract/auth";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import type { FieldErrors } from "../../components/form-errors";
import { useContractForm } from "../../components/use-contract-form";
import { NewPasswordFields } from "../auth/NewPasswordFields";
import { confirmationMessages } from "../auth/new-password";
import { useChangePassword } from "./profile.api";

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmation: string };

const EMPTY: ChangePasswordValues = { currentPassword: "", newPassword: "", confirmation: "" };

/** Changes the signed-in person's password; the server signs out every other session. */
export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const form = useContractForm<typeof ChangePasswordInput, ChangePasswordValues>({
    schema: ChangePasswordInput,
    defaultValues: EMPTY,
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    messages: { currentPassword: (code) => (code === "too_small" ? "Enter your current password." : undefined) },
    check: ({ newPassword, confirmation }) => confirmationMessages({ password: newPassword, confirmation }),
    onValid: (body) => changePassword.mutate(body, { onSuccess: () => form.reset(EMPTY), onError: form.showProblem }),
  });
  const values = form.watch();
  const passwordErrors: FieldErrors = {};
  for (const field of ["newPassword", "confirmation"]) {
    const message = form.fieldError(field);
    if (message) passwordErrors[field] = message;
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className="form"
      aria-labelledby="change-password-heading"
    >
      <h2 id="change-password-heading">Change password</h2>
      <div role="status" className="status-region">
        {changePassword.isSuccess ? (
          <p className="notice notice-success">Your password is changed. Every other session was signed out.</p>
        ) : null}
      </div>
      <FormAlert message={form.formMessage} />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...form.register("currentPassword")}
        error={form.fieldError("currentPassword")}
        required
      />
      <NewPasswordFields
        password={values.newPassword}
        confirmation={values.confirmation}
        onPasswordChange={(password) => form.setValue("newPassword", password)}
        onConfirmationChange={(confirmation) => form.setValue("confirmation", confirmation)}
        errors={passwordErrors}
        field="newPassword"
      />
      <div className="actions">
        <button type="submit" className="button" disabled={changePassword.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}
