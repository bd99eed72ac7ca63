import { Link } from "@tanstack/react-router";
import type { MeetingSummary } from "../../../../contract/meetings";
import { formatMeetingStart, STATUS_LABELS } from "./meeting-format";

/** A short list of meetings, each a link to its page, named by when it is. */
export function MeetingLinks({ meetings, emptyText }: { meetings: readonly MeetingSummary[]; emptyText: string }) {
  if (meetings.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="meeting-links">
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
              <span className={`badge badge-meeting-${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
