import { Link } from "@tanstack/react-router";
import type { ThreadSummary } from "../../../../contract/discussions";
import { formatDateTime } from "../../components/format";
import styles from "./ThreadList.module.css";

/** Threads as a list of links, each with who started it, how many replied, and when it last moved. */
export function ThreadList({ threads, headingLevel = 3 }: { threads: readonly ThreadSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li key={thread.id} className="thread-item">
          <Heading className="thread-item-title">
            <Link to="/discussions/$threadId" params={{ threadId: thread.id }}>
              {thread.title}
            </Link>
          </Heading>
          {thread.excerpt ? <p className={styles.excerpt}>{thread.excerpt}</p> : null}
          <p className="muted thread-item-meta">
            {thread.author?.name ?? "Former member"} · {thread.replyCount}{" "}
            {thread.replyCount === 1 ? "reply" : "replies"} · last activity {formatDateTime(thread.lastActivityAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
