import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useCompletePasswordReset } from "./auth.api";
import { NewPasswordFields } from "./NewPasswordFields";
import { checkNewPassword } from "./new-password";

const route = getRouteApi("/signed-out/reset-password/$token");

export function ResetPasswordPage() {
  const { token } = route.useParams();
  const completeReset = useCompletePasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = checkNewPassword(password, confirmation);
    if (Object.keys(fields).length) return setProblem({ fields, message: null });
    setProblem(NO_PROBLEM);
    completeReset.mutate({ token, password }, { onError: (error) => setProblem(problemFromError(error)) });
  }

  if (completeReset.isSuccess) {
    return (
      <>
        <PageHeader title="Password changed" />
        <p role="status">
          Your new password is set. For your safety, every device that was signed in has been signed out.
        </p>
        <p>
          <Link to="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </>
    );
  }

  const failure = completeReset.error;
  const isExpired =
    failure instanceof ApiError && (failure.status === 410 || failure.fieldError("/body/token") !== undefined);
  if (isExpired) {
    return (
      <>
        <PageHeader title="This link has expired" />
        <p role="alert">Reset links work once, for one hour. Ask for a new one and use it from the latest email.</p>
        <p>
          <Link to="/forgot-password">Request a new link</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Choose a new password" />
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={problem.fields}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={completeReset.isPending}>
            Set new password
          </button>
        </div>
      </form>
    </>
  );
}
