import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { inviteQuery, useAcceptInvite } from "./auth.api";
import { NewPasswordFields } from "./NewPasswordFields";
import { checkNewPassword } from "./new-password";

const route = getRouteApi("/signed-out/invite/$token");

export function InvitePage() {
  const { token } = route.useParams();
  const invite = useQuery(inviteQuery(token));
  const acceptInvite = useAcceptInvite(token);
  const router = useRouter();
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
    acceptInvite.mutate(
      { password },
      {
        onSuccess: () => router.navigate({ to: "/" }),
        onError: (error) => setProblem(problemFromError(error)),
      },
    );
  }

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
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={problem.fields}
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
