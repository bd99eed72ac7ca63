import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { MeetingDetail } from "../../../../contract/meetings";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { CommunitiesPageHeader } from "../communities/CommunityLayout";
import { MeetingFeedbackPanel } from "../surveys/MeetingFeedbackPanel";
import { ActionItemList } from "./ActionItemList";
import { AddActionItemForm } from "./AddActionItemForm";
import { AttendanceForm } from "./AttendanceForm";
import { DecisionsSection } from "./DecisionsSection";
import { MeetingFacts } from "./MeetingFacts";
import styles from "./MeetingPage.module.css";
import { MeetingStatusControls } from "./MeetingStatusControls";
import { formatMeetingWhen } from "./meeting-format";
import { meetingQuery } from "./meetings.api";
import { NotesForm } from "./NotesForm";
import { ProtocolRunner } from "./ProtocolRunner";
import { SummaryActions } from "./SummaryActions";

const route = getRouteApi("/signed-in/meetings/$meetingId");

/** One meeting: what it is, running it on its protocol, and what it records. Email links land here. */
export function MeetingPage() {
  const { meetingId } = route.useParams();
  const meeting = useQuery(meetingQuery(meetingId));

  // Forms keep what is typed while the page refreshes; a different meeting starts them afresh.
  return (
    <QueryResult query={meeting} loadingLabel="Loading the meeting…" header={<CommunitiesPageHeader title="Meeting" />}>
      {(data) => <MeetingView key={data.id} meeting={data} />}
    </QueryResult>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/communities/$communityId/meetings" params={{ communityId: meeting.communityId }}>
          ← {meeting.communityName}
        </Link>
      </p>
      <PageHeader
        title={meeting.title}
        description={`${meeting.communityName} · ${formatMeetingWhen(meeting.startsAt, meeting.endsAt)}`}
      />
      <MeetingFacts meeting={meeting} />
      <MeetingStatusControls meeting={meeting} />
      {meeting.can.contribute ? (
        <section className="panel" aria-labelledby="student-review-heading">
          <h2 id="student-review-heading">Student review</h2>
          <p className="muted">
            Walk through the students the decision rules flagged, one by one. Each decision is recorded with this
            meeting.
          </p>
          <Link
            className="button button-secondary"
            to="/communities/$communityId/review"
            params={{ communityId: meeting.communityId }}
            search={{ meetingId: meeting.id }}
          >
            Review students in this meeting
          </Link>
        </section>
      ) : null}
      {meeting.protocol ? <ProtocolRunner meeting={meeting} protocol={meeting.protocol} /> : null}
      {meeting.agenda.length ? (
        <section className="panel" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          <ol className={styles.agenda}>
            {meeting.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a meeting's agenda is fixed once scheduled
              <li key={index}>
                {item.title}
                {item.minutes ? <span className="muted"> · {item.minutes} min</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <AttendanceForm meeting={meeting} />
      <NotesForm meeting={meeting} />
      <DecisionsSection meeting={meeting} />
      <section className="panel" aria-labelledby="meeting-action-items-heading">
        <h2 id="meeting-action-items-heading">Action items</h2>
        <p className="muted">Open items from earlier meetings carry over until they are done.</p>
        <ActionItemList
          items={meeting.actionItems}
          canContribute={meeting.can.contribute === true}
          emptyText="No action items."
        />
        {meeting.can.contribute ? <AddActionItemForm meeting={meeting} /> : null}
      </section>
      <MeetingFeedbackPanel meetingId={meeting.id} />
      <SummaryActions meeting={meeting} />
      {meeting.previousMeetingId || meeting.nextMeetingId ? (
        <nav aria-label="Other meetings" className={styles.pager}>
          {meeting.previousMeetingId ? (
            <Link to="/meetings/$meetingId" params={{ meetingId: meeting.previousMeetingId }}>
              <span aria-hidden="true">← </span>Previous meeting
            </Link>
          ) : (
            <span />
          )}
          {meeting.nextMeetingId ? (
            <Link to="/meetings/$meetingId" params={{ meetingId: meeting.nextMeetingId }}>
              Next meeting<span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
