import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { ApiError } from "../../api/client";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useContractForm } from "../../components/use-contract-form";
import { inviteQuery, useAcceptInvite } from "./auth.api";
import { NewPasswordFields } from "./NewPasswordFields";
import { confirmationMessages, NewPasswordInput, type NewPasswordValues, passwordErrors } from "./new-password";

const route = getRouteApi("/signed-out/invite/$token");

export function InvitePage() {
  const { token } = route.useParams();
  const invite = useQuery(inviteQuery(token));
  const acceptInvite = useAcceptInvite(token);
  const router = useRouter();
  const form = useContractForm<typeof NewPasswordInput, NewPasswordValues>({
    schema: NewPasswordInput,
    defaultValues: { password: "", confirmation: "" },
    toInput: ({ password }) => ({ password }),
    check: confirmationMessages,
    onValid: (input) =>
      acceptInvite.mutate(input, { onSuccess: () => router.navigate({ to: "/" }), onError: form.showProblem }),
  });
  const values = form.watch();

  if (invite.isPending) return <Loading label="Loading your invitation…" />;
  if (invite.isError) {
    // A malformed token (400) is as useless as an expired one (404); both need a new invitation.
    const isGone = invite.error instanceof ApiError && [400, 404].includes(invite.error.status);
    return (
      <>
        <PageHeader title={isGone ? "This invitation is no longer valid" : "Invitation"} />
        {isGone ? (
          <p role="alert">
            The invitation has expired or was already used. Ask the person who invited you to send a new one. If you
            already joined, sign in instead.
          </p>
        ) : (
          <ErrorNotice error={invite.error} onRetry={() => invite.refetch()} />
        )}
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </>
    );
  }

  const { displayName, email, districtName } = invite.data;
  return (
    <>
      <PageHeader title={`Join ${districtName}`} />
      <p>
        Welcome, <strong>{displayName}</strong>. You have been invited to join <strong>{districtName}</strong> on
        Collective with the email address <strong>{email}</strong>. Choose a password to finish setting up your account.
      </p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordFields
          password={values.password}
          confirmation={values.confirmation}
          onPasswordChange={(password) => form.setValue("password", password)}
          onConfirmationChange={(confirmation) => form.setValue("confirmation", confirmation)}
          errors={passwordErrors(form)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={acceptInvite.isPending}>
            Set password and join
          </button>
        </div>
      </form>
    </>
  );
}
