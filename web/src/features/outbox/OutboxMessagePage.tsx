import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { RequireAbility } from "../admin/RequireAbility";
import { LinkifiedText } from "./LinkifiedText";
import { MailStatusBadge } from "./MailStatusBadge";
import styles from "./OutboxMessagePage.module.css";
import { outboxMessageQuery } from "./outbox.api";

const route = getRouteApi("/signed-in/admin/outbox/$messageId");

export function OutboxMessagePage() {
  return (
    <RequireAbility ability="readOutbox" title="Email">
      <p className="breadcrumb">
        <Link to="/admin/outbox">← All emails</Link>
      </p>
      <OutboxMessageView />
    </RequireAbility>
  );
}

function OutboxMessageView() {
  const { messageId } = route.useParams();
  const message = useQuery(outboxMessageQuery(messageId));

  if (message.isPending) {
    return (
      <>
        <PageHeader title="Email" />
        <Loading label="Loading the email…" />
      </>
    );
  }
  if (message.isError) {
    return (
      <>
        <PageHeader title="Email" />
        <ErrorNotice error={message.error} onRetry={() => message.refetch()} />
      </>
    );
  }
  const { subject, toAddress, status, createdAt, sentAt, textBody } = message.data;
  return (
    <>
      <PageHeader title={subject} />
      <dl className="details">
        <dt>To</dt>
        <dd>{toAddress}</dd>
        <dt>Status</dt>
        <dd>
          <MailStatusBadge status={status} />
        </dd>
        <dt>Written</dt>
        <dd>{formatDateTime(createdAt)}</dd>
        <dt>Sent</dt>
        <dd>{sentAt ? formatDateTime(sentAt) : "Not sent"}</dd>
      </dl>
      <section aria-labelledby="message-body-heading">
        <h2 id="message-body-heading">Message</h2>
        {textBody === "" && status === "sent" ? (
          <p className="muted">Delivered. Collective does not keep the text of a message once it is sent.</p>
        ) : (
          <pre className={styles.body}>
            <LinkifiedText text={textBody} />
          </pre>
        )}
      </section>
    </>
  );
}
