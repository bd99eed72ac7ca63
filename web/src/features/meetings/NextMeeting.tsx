import { Link } from "@tanstack/react-router";
import type { MeetingSummary } from "../../../../contract/meetings";
import { describePlace, formatMeetingWhen, MODE_LABELS, STATUS_LABELS } from "./meeting-format";

/** The community's next meeting: when, how, where, and the way in. */
export function NextMeeting({ meeting }: { meeting: MeetingSummary }) {
  return (
    <div className="next-meeting">
      <p className="next-meeting-when">
        <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
          {formatMeetingWhen(meeting.startsAt, meeting.endsAt)}
        </Link>
        {meeting.status === "in_progress" ? (
          <>
            {" "}
            <span className="badge badge-meeting-in_progress">{STATUS_LABELS.in_progress}</span>
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
