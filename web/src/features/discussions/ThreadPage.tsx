import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import type { ThreadDetail } from "../../../../contract/discussions";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { AttachFileForm } from "./AttachFileForm";
import { AttachmentList } from "./AttachmentList";
import { threadQuery } from "./discussions.api";
import { EditThreadForm } from "./EditThreadForm";
import { PostBody } from "./PostBody";
import { ReplyForm } from "./ReplyForm";
import styles from "./ThreadPage.module.css";

const route = getRouteApi("/signed-in/discussions/$threadId");

/** One thread with its replies; notifications of mentions and replies link here. */
export function ThreadPage() {
  const { threadId } = route.useParams();
  const thread = useQuery(threadQuery(threadId));
  return (
    <QueryResult query={thread} loadingLabel="Loading the thread…" header={<PageHeader title="Thread" />}>
      {(data) => <ThreadView key={data.id} thread={data} />}
    </QueryResult>
  );
}

function ThreadView({ thread }: { thread: ThreadDetail }) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <>
      <p className="breadcrumb">
        {thread.communityId ? (
          <Link to="/communities/$communityId/discussions" params={{ communityId: thread.communityId }}>
            ← {thread.communityName ?? "Community"} discussions
          </Link>
        ) : (
          <Link to="/discussions">← District forum</Link>
        )}
      </p>
      <PageHeader
        title={thread.title}
        description={`${thread.author?.name ?? "Former member"} · ${formatDateTime(thread.createdAt)}`}
        actions={
          thread.can.update && !isEditing ? (
            <button type="button" className="button button-secondary" onClick={() => setIsEditing(true)}>
              Edit
            </button>
          ) : null
        }
      />
      {isEditing ? (
        <EditThreadForm thread={thread} onDone={() => setIsEditing(false)} />
      ) : (
        <article className="panel post" aria-label="Opening message">
          <PostBody html={thread.bodyHtml} />
          <AttachmentList attachments={thread.attachments} />
          {thread.can.attach ? <AttachFileForm threadId={thread.id} replyId={null} /> : null}
        </article>
      )}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">
          {thread.replies.length} {thread.replies.length === 1 ? "reply" : "replies"}
        </h2>
        <ol className={styles.replies}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <article className="panel post" aria-label={`Reply by ${reply.author?.name ?? "a former member"}`}>
                <p className="post-meta muted">
                  <strong>{reply.author?.name ?? "Former member"}</strong> ·{" "}
                  <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
                </p>
                <PostBody html={reply.bodyHtml} />
                <AttachmentList attachments={reply.attachments} />
                {reply.canAttach ? <AttachFileForm threadId={thread.id} replyId={reply.id} /> : null}
              </article>
            </li>
          ))}
        </ol>
      </section>
      {thread.can.post ? <ReplyForm threadId={thread.id} /> : null}
    </>
  );
}
