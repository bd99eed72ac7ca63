import { NewPassword } from "../../../../contract/auth";
import type { FieldErrors } from "../../components/form-errors";

/** Checks a new password and its confirmation; keys are the form's own field names. */
export function checkNewPassword(password: string, confirmation: string, field = "password"): FieldErrors {
  const errors: FieldErrors = {};
  const result = NewPassword.safeParse(password);
  if (!result.success) errors[field] = result.error.issues[0]?.message ?? "Choose another password.";
  if (confirmation !== password) errors.confirmation = "The two passwords do not match.";
  return errors;
}
