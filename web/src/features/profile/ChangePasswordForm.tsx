import { type FormEvent, useRef, useState } from "react";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FieldErrors, NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { NewPasswordFields } from "../auth/NewPasswordFields";
import { checkNewPassword } from "../auth/new-password";
import { useChangePassword } from "./profile.api";

export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: FieldErrors = checkNewPassword(newPassword, confirmation, "newPassword");
    if (!currentPassword) fields.currentPassword = "Enter your current password.";
    if (Object.keys(fields).length) return setProblem({ fields, message: null });
    setProblem(NO_PROBLEM);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword("");
          setNewPassword("");
          setConfirmation("");
        },
        onError: (error) => setProblem(problemFromError(error)),
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      <div role="status" className="status-region">
        {changePassword.isSuccess ? (
          <p className="notice notice-success">Your password is changed. Every other session was signed out.</p>
        ) : null}
      </div>
      <FormAlert message={problem.message} />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={problem.fields.currentPassword}
        required
      />
      <NewPasswordFields
        password={newPassword}
        confirmation={confirmation}
        onPasswordChange={setNewPassword}
        onConfirmationChange={setConfirmation}
        errors={problem.fields}
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
