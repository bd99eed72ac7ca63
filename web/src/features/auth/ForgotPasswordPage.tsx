import { Link } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { ResetRequestInput } from "../../../../contract/auth";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useRequestPasswordReset } from "./auth.api";

export function ForgotPasswordPage() {
  const requestReset = useRequestPasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(ResetRequestInput, { email }, { email: "Enter your email address." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    requestReset.mutate(checked.data, { onError: (error) => setProblem(problemFromError(error)) });
  }

  if (requestReset.isSuccess) {
    return (
      <>
        <PageHeader title="Check your email" />
        <p role="status">
          If an account uses <strong>{email}</strong>, we have sent it a link to choose a new password. The link works
          for one hour.
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
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problem.fields.email}
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
