import { useRef, useState } from "react";
import type { Person } from "../../../../contract/people";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { useDeactivatePerson, useReactivatePerson, useResendInvite } from "./people.api";

/** Deactivate, reactivate and resend the invitation, each shown only when the server allows it. */
export function PersonStatusActions({ person }: { person: Person }) {
  const deactivate = useDeactivatePerson(person.id);
  const reactivate = useReactivatePerson(person.id);
  const resendInvite = useResendInvite(person.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const reactivateRef = useRef<HTMLButtonElement>(null);
  const deactivateRef = useRef<HTMLButtonElement>(null);
  const canDeactivate = person.can.deactivate === true;
  const canInvite = person.can.invite === true && person.status === "invited";
  if (!canDeactivate && !canInvite) return null;

  const failure = reactivate.error ?? resendInvite.error;
  return (
    <section className="panel" aria-labelledby="person-access-heading">
      <h2 id="person-access-heading">Access</h2>
      <div role="status" className="status-region">
        {resendInvite.isSuccess ? (
          <p className="notice notice-success">
            Invitation sent to {person.email}. The link works until {formatDateTime(resendInvite.data.expiresAt)}.
          </p>
        ) : null}
        {deactivate.isSuccess && person.status === "deactivated" ? (
          <p className="notice notice-success">{person.displayName} was deactivated and signed out everywhere.</p>
        ) : null}
        {reactivate.isSuccess && person.status !== "deactivated" ? (
          <p className="notice notice-success">{person.displayName} can use Collective again.</p>
        ) : null}
      </div>
      <FormAlert message={failure ? problemFromError(failure).message : null} />
      <div className="actions">
        {canInvite ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => resendInvite.mutate()}
            disabled={resendInvite.isPending}
          >
            Resend invitation
          </button>
        ) : null}
        {canDeactivate && person.status !== "deactivated" ? (
          <button
            ref={deactivateRef}
            type="button"
            className="button button-danger"
            onClick={() => setIsConfirming(true)}
          >
            Deactivate
          </button>
        ) : null}
        {canDeactivate && person.status === "deactivated" ? (
          <button
            ref={reactivateRef}
            type="button"
            className="button button-secondary"
            onClick={() =>
              // The pressed button disappears, so focus moves to the one that replaces it once it is drawn.
              reactivate.mutate(undefined, {
                onSuccess: () => requestAnimationFrame(() => deactivateRef.current?.focus()),
              })
            }
            disabled={reactivate.isPending}
          >
            Reactivate
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={`Deactivate ${person.displayName}?`}
        confirmLabel="Deactivate"
        isPending={deactivate.isPending}
        fallbackFocusRef={reactivateRef}
        error={deactivate.error ? problemFromError(deactivate.error).message : null}
        onCancel={() => {
          setIsConfirming(false);
          deactivate.reset();
        }}
        onConfirm={() => deactivate.mutate(undefined, { onSuccess: () => setIsConfirming(false) })}
      >
        <p>
          {person.displayName} will be signed out everywhere and will not be able to sign in. Their work stays in
          Collective, and you can reactivate them at any time.
        </p>
      </ConfirmDialog>
    </section>
  );
}
