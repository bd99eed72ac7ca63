import { Link } from "@tanstack/react-router";
import { ResetRequestInput } from "../../../../contract/auth";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { useContractForm } from "../../components/use-contract-form";
import { useRequestPasswordReset } from "./auth.api";

export function ForgotPasswordPage() {
  const requestReset = useRequestPasswordReset();
  const form = useContractForm({
    schema: ResetRequestInput,
    defaultValues: { email: "" },
    messages: { email: "Enter your email address." },
    onValid: (input) => requestReset.mutate(input, { onError: form.showProblem }),
  });

  if (requestReset.isSuccess) {
    return (
      <>
        <PageHeader title="Check your email" />
        <p role="status">
          If an account uses <strong>{form.getValues("email")}</strong>, we have sent it a link to choose a new
          password. The link works for one hour.
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Reset your password"
        description="Enter the email address you sign in with and we will send you a link to choose a new password."
      />
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          {...form.register("email")}
          error={form.fieldError("email")}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={requestReset.isPending}>
            Send reset link
          </button>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      </form>
    </>
  );
}
