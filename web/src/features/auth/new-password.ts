import { AcceptInviteInput } from "../../../../contract/auth";
import type { FieldErrors } from "../../components/form-errors";
import type { ContractForm } from "../../components/use-contract-form";

/** The body of every "choose a password" form (an invitation, a reset): the new password alone. */
export const NewPasswordInput = AcceptInviteInput;

/** A new password, typed twice. */
export type NewPasswordValues = { password: string; confirmation: string };

/** The second typing must match the first. */
export function confirmationMessages(values: NewPasswordValues): FieldErrors {
  return values.confirmation === values.password ? {} : { confirmation: "The two passwords do not match." };
}

/** The two fields' messages, in the shape NewPasswordFields takes. */
export function passwordErrors<Output>(form: ContractForm<NewPasswordValues, Output>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ["password", "confirmation"]) {
    const message = form.fieldError(field);
    if (message) errors[field] = message;
  }
  return errors;
}
