import { Link } from "@tanstack/react-router";
import { CYCLE_STAGE_LABELS } from "../../../../contract/cycle-work";
import type { MeetingDetail } from "../../../../contract/meetings";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { describePlace, formatInZone, formatMeetingWhen, MODE_LABELS } from "./meeting-format";

/** When, where and how the meeting happens, and on which protocol. */
export function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const inMeetingZone = formatInZone(meeting.startsAt, meeting.timezone);
  return (
    <section className="panel" aria-labelledby="meeting-facts-heading">
      <h2 id="meeting-facts-heading" className="visually-hidden">
        Details
      </h2>
      <dl className="details">
        <dt>Community</dt>
        <dd>
          <Link to="/communities/$communityId" params={{ communityId: meeting.communityId }}>
            {meeting.communityName}
          </Link>
        </dd>
        {meeting.cycle ? (
          <>
            <dt>Cycle</dt>
            <dd>
              {/* The cycle page opens on the stage's evidence. */}
              <Link
                to="/communities/$communityId/cycles/$cycleId"
                params={{ communityId: meeting.communityId, cycleId: meeting.cycle.id }}
                hash={`stage-${meeting.cycle.stage}`}
              >
                {meeting.cycle.title} — stage {CYCLE_STAGE_LABELS[meeting.cycle.stage]}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>When</dt>
        <dd>
          {formatMeetingWhen(meeting.startsAt, meeting.endsAt)}
          {inMeetingZone ? <span className="muted"> ({inMeetingZone} where the team meets)</span> : null}
          {meeting.recurring ? <span className="muted"> · repeats</span> : null}
        </dd>
        <dt>Status</dt>
        <dd>
          <MeetingStatusBadge status={meeting.status} />
        </dd>
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
        <dt>Protocol</dt>
        <dd>{meeting.protocolName ?? "None"}</dd>
      </dl>
    </section>
  );
}
