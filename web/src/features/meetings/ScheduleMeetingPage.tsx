import { useNavigate } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { useCommunity } from "../communities/CommunityLayout";
import { ScheduleMeetingForm } from "./ScheduleMeetingForm";

/** Schedules a meeting (or a series) for the community, then opens the first one. */
export function ScheduleMeetingPage() {
  const community = useCommunity();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Schedule meeting"
        description={`A meeting of ${community.name}. Members see it on the community's page and in their calendar feed.`}
      />
      {community.can.update ? (
        <div className="panel">
          <ScheduleMeetingForm
            communityId={community.id}
            onScheduled={(first) => navigate({ to: "/meetings/$meetingId", params: { meetingId: first.id } })}
          />
        </div>
      ) : (
        <p>Only the community's facilitators and the leaders of its schools can schedule meetings.</p>
      )}
    </>
  );
}
