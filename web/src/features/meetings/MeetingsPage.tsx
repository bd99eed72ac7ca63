import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useCommunity } from "../communities/CommunityLayout";
import { MeetingsTable } from "./MeetingsTable";
import { communityMeetingsQuery } from "./meetings.api";

/** A community's meetings: what is coming, and what has been. */
export function MeetingsPage() {
  const community = useCommunity();
  return (
    <>
      <PageHeader
        title="Meetings"
        description={`The meetings of ${community.name}, in your time zone.`}
        actions={
          community.can.update ? (
            <Link to="/communities/$communityId/meetings/new" params={{ communityId: community.id }} className="button">
              Schedule meeting
            </Link>
          ) : null
        }
      />
      <MeetingsSection communityId={community.id} when="upcoming" title="Upcoming meetings" />
      <MeetingsSection communityId={community.id} when="past" title="Past meetings" />
    </>
  );
}

type MeetingsSectionProps = { communityId: string; when: "upcoming" | "past"; title: string };

function MeetingsSection({ communityId, when, title }: MeetingsSectionProps) {
  const meetings = useQuery(communityMeetingsQuery(communityId, when));
  const headingId = `meetings-${when}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <QueryResult
        query={meetings}
        loadingLabel="Loading meetings…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState headingLevel={3} title={when === "upcoming" ? "No upcoming meetings" : "No past meetings"}>
            <p>{when === "upcoming" ? "Meetings the team schedules appear here." : "Finished meetings appear here."}</p>
          </EmptyState>
        }
      >
        {(data) => <MeetingsTable caption={title} meetings={data.items} />}
      </QueryResult>
    </section>
  );
}
