import { Link } from "@tanstack/react-router";
import type { MeetingSummary } from "../../../../contract/meetings";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { describePlace, formatMeetingWhen, MODE_LABELS } from "./meeting-format";
import styles from "./NextMeeting.module.css";

/** The community's next meeting: when, how, where, and the way in. */
export function NextMeeting({ meeting }: { meeting: MeetingSummary }) {
  return (
    <div className="next-meeting">
      <p className={styles.when}>
        <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
          {formatMeetingWhen(meeting.startsAt, meeting.endsAt)}
        </Link>
        {meeting.status === "in_progress" ? (
          <>
            {" "}
            <MeetingStatusBadge status="in_progress" />
          </>
        ) : null}
      </p>
      <dl className="details">
        <dt>Title</dt>
        <dd>{meeting.title}</dd>
        <dt>Mode</dt>
        <dd>{MODE_LABELS[meeting.mode]}</dd>
        <dt>Where</dt>
        <dd>{describePlace(meeting)}</dd>
        {meeting.link ? (
          <>
            <dt>Link</dt>
            <dd>
              <a href={meeting.link} target="_blank" rel="noreferrer noopener">
                {meeting.link}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </dd>
          </>
        ) : null}
        {meeting.protocolName ? (
          <>
            <dt>Protocol</dt>
            <dd>{meeting.protocolName}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
