import { Link } from "@tanstack/react-router";
import type { MeetingSummary } from "../../../../contract/meetings";
import styles from "./MeetingLinks.module.css";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { formatMeetingStart } from "./meeting-format";

/** A short list of meetings, each a link to its page, named by when it is. */
export function MeetingLinks({ meetings, emptyText }: { meetings: readonly MeetingSummary[]; emptyText: string }) {
  if (meetings.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className={styles.links}>
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
            {formatMeetingStart(meeting.startsAt)}
          </Link>
          <span className="muted">
            {" "}
            · {meeting.title}
            {meeting.protocolName ? ` · ${meeting.protocolName}` : ""}
          </span>
          {meeting.status === "scheduled" ? null : (
            <>
              {" "}
              <MeetingStatusBadge status={meeting.status} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
