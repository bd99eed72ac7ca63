import { TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";

type NewPasswordFieldsProps = {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: FieldErrors;
  /** The key of the password in `errors` (the server names it "password" or "newPassword"). */
  field?: string;
};

/** "New password" and "Confirm new password", used by invitations, resets and the profile page. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { password, confirmation, onPasswordChange, onConfirmationChange, errors, field = "password" } = props;
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        hint="At least 10 characters. A few unrelated words make a strong password that is easy to remember."
        error={errors[field]}
        required
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
        error={errors.confirmation}
        required
      />
    </>
  );
}
