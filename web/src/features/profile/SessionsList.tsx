import { useQuery } from "@tanstack/react-query";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { describeDevice } from "./describe-device";
import rows from "./ProfileRows.module.css";
import { sessionsQuery, useRevokeSession, useSignOutEverywhereElse } from "./profile.api";
import styles from "./SessionsList.module.css";

/** Where this person is signed in, with a way to end any session but this one. */
export function SessionsList() {
  const sessions = useQuery(sessionsQuery);
  const revokeSession = useRevokeSession();
  const signOutEverywhereElse = useSignOutEverywhereElse();
  const failure = revokeSession.error ?? signOutEverywhereElse.error;
  const others = sessions.data?.items.filter((session) => !session.current) ?? [];

  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <div role="status" className="status-region">
        {signOutEverywhereElse.isSuccess ? (
          <p className="notice notice-success">
            {signOutEverywhereElse.data.revoked === 1
              ? "Signed out of 1 other session."
              : `Signed out of ${signOutEverywhereElse.data.revoked} other sessions.`}
          </p>
        ) : null}
        {revokeSession.isSuccess ? <p className="notice notice-success">That session is signed out.</p> : null}
      </div>
      <FormAlert message={failure ? problemFromError(failure).message : null} />
      <QueryResult query={sessions} loadingLabel="Loading your sessions…">
        {(data) => (
          <ul className={rows.list}>
            {data.items.map((session) => {
              const descriptionId = `session-${session.id}`;
              return (
                <li key={session.id} className={rows.row}>
                  <div id={descriptionId}>
                    <p className={`${rows.title} ${styles.device}`}>
                      {describeDevice(session.userAgent)}
                      {session.current ? <span className="badge badge-active">This device</span> : null}
                    </p>
                    <p className="muted">
                      Signed in {formatDateTime(session.createdAt)} · Last active {formatDateTime(session.lastSeenAt)}
                      {session.ip ? ` · IP ${session.ip}` : ""}
                    </p>
                  </div>
                  {session.current ? null : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-describedby={descriptionId}
                      onClick={() => revokeSession.mutate(session.id)}
                      disabled={revokeSession.isPending}
                    >
                      Sign out
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryResult>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => signOutEverywhereElse.mutate()}
          disabled={signOutEverywhereElse.isPending || others.length === 0}
        >
          Sign out everywhere else
        </button>
        {others.length === 0 && sessions.isSuccess ? <span className="muted">You are signed in only here.</span> : null}
      </div>
    </section>
  );
}
