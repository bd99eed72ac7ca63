import { getRouteApi, Link } from "@tanstack/react-router";
import { ApiError } from "../../api/client";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { useContractForm } from "../../components/use-contract-form";
import { useCompletePasswordReset } from "./auth.api";
import { NewPasswordFields } from "./NewPasswordFields";
import { confirmationMessages, NewPasswordInput, type NewPasswordValues, passwordErrors } from "./new-password";

const route = getRouteApi("/signed-out/reset-password/$token");

export function ResetPasswordPage() {
  const { token } = route.useParams();
  const completeReset = useCompletePasswordReset();
  const form = useContractForm<typeof NewPasswordInput, NewPasswordValues>({
    schema: NewPasswordInput,
    defaultValues: { password: "", confirmation: "" },
    toInput: ({ password }) => ({ password }),
    check: confirmationMessages,
    onValid: ({ password }) => completeReset.mutate({ token, password }, { onError: form.showProblem }),
  });
  const values = form.watch();

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
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <NewPasswordFields
          password={values.password}
          confirmation={values.confirmation}
          onPasswordChange={(password) => form.setValue("password", password)}
          onConfirmationChange={(confirmation) => form.setValue("confirmation", confirmation)}
          errors={passwordErrors(form)}
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
