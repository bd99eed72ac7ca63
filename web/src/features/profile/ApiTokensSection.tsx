import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type ApiToken, TOKEN_SCOPE_LABELS } from "../../../../contract/api-tokens";
import { nowMs } from "../../clock";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import styles from "./ApiTokensSection.module.css";
import { NewApiTokenForm } from "./NewApiTokenForm";
import rows from "./ProfileRows.module.css";
import { apiTokensQuery, useRevokeApiToken } from "./profile.api";

function tokenState(token: ApiToken): string {
  if (token.revokedAt) return `Revoked ${formatDateTime(token.revokedAt)}`;
  if (Date.parse(token.expiresAt) <= nowMs()) return `Expired ${formatDateTime(token.expiresAt)}`;
  return `Expires ${formatDateTime(token.expiresAt)}`;
}

/** Personal API tokens for scripts and other tools: made here, shown once, revoked here. */
export function ApiTokensSection() {
  const tokens = useQuery(apiTokensQuery);
  const revoke = useRevokeApiToken();
  const [shown, setShown] = useState<{ token: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <section className="panel" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">API tokens</h2>
      <p className="muted">
        A script or another tool sends a token as <code>Authorization: Bearer …</code> to the API that{" "}
        <a href="/api/openapi.json">the OpenAPI document</a> describes. It acts as you, within the scopes you give it.
      </p>
      <div role="status" className="status-region">
        {shown ? (
          <div className="notice notice-success">
            <p>Your token “{shown.name}” is made. Copy it now: it will not be shown again.</p>
            <label className={styles.secret}>
              <span className="visually-hidden">The new token</span>
              <input readOnly value={shown.token} onFocus={(event) => event.currentTarget.select()} />
            </label>
          </div>
        ) : null}
        {revoke.isSuccess ? <p className="notice notice-success">The token is revoked.</p> : null}
      </div>
      <QueryResult
        query={tokens}
        loadingLabel="Loading your tokens…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">You have no API tokens.</p>}
      >
        {(data) => (
          <ul className={rows.list}>
            {data.items.map((token) => {
              const descriptionId = `token-${token.id}`;
              return (
                <li key={token.id} className={rows.row}>
                  <div id={descriptionId}>
                    <p className={rows.title}>{token.name}</p>
                    <p className="muted">{token.scopes.map((scope) => TOKEN_SCOPE_LABELS[scope]).join(" · ")}</p>
                    <p className="muted">
                      Made {formatDateTime(token.createdAt)} · {tokenState(token)} · Last used{" "}
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}
                    </p>
                  </div>
                  {token.revokedAt ? null : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-describedby={descriptionId}
                      onClick={() => setRevoking(token)}
                    >
                      Revoke
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryResult>
      <NewApiTokenForm onCreated={(token, name) => setShown({ token, name })} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        isPending={revoke.isPending}
        error={revoke.error ? problemFromError(revoke.error).message : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) });
        }}
      >
        <p>Anything using “{revoking?.name}” stops working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
