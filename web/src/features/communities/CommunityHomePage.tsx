import { Link } from "@tanstack/react-router";
import { COMMUNITY_KIND_LABELS, type CommunityHome } from "../../../../contract/communities";
import { PageHeader } from "../../components/PageHeader";
import { useMe } from "../auth/me.api";
import { RecentThreads } from "../discussions/RecentThreads";
import { EssentialsSummary } from "../essentials/EssentialsSummary";
import { CommunityResources } from "../library/CommunityResources";
import { ActionItemList } from "../meetings/ActionItemList";
import { MeetingLinks } from "../meetings/MeetingLinks";
import { NextMeeting } from "../meetings/NextMeeting";
import { AgreeToNorms } from "../norms/AgreeToNorms";
import { NormList } from "../norms/NormList";
import { NotYetRespondedSection } from "../student-review/NotYetRespondedSection";
import styles from "./CommunityHomePage.module.css";
import { useCommunity } from "./CommunityLayout";
import { TEAM_ROLE_LABELS } from "./community-roles";
import { StudentSharingPanel } from "./StudentSharingPanel";

/** A community's home: what it is for, who is in it, what is next, and what is still open. */
export function CommunityHomePage() {
  const community = useCommunity();
  const me = useMe();
  const communityId = community.id;
  return (
    <>
      <PageHeader
        title={community.name}
        description={COMMUNITY_KIND_LABELS[community.kind]}
        actions={
          community.can.update ? (
            <Link to="/communities/$communityId/meetings/new" params={{ communityId }} className="button">
              Schedule meeting
            </Link>
          ) : null
        }
      />
      {community.archived ? <p className="notice notice-warning">This community is archived.</p> : null}
      <div className="community-grid">
        <section className="panel" aria-labelledby="community-about">
          <h2 id="community-about">About</h2>
          <p>{community.purpose || <span className="muted">No purpose written yet.</span>}</p>
          <dl className="details">
            <dt>Kind</dt>
            <dd>{COMMUNITY_KIND_LABELS[community.kind]}</dd>
            <dt>Schools</dt>
            <dd>{community.schools.map((school) => school.name).join(", ")}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="community-next-meeting">
          <h2 id="community-next-meeting">Next meeting</h2>
          {community.nextMeeting ? (
            <NextMeeting meeting={community.nextMeeting} />
          ) : (
            <p className="muted">No meeting is planned.</p>
          )}
        </section>
      </div>
      <EssentialsSummary communityId={communityId} />
      {community.can.contribute ? (
        <NotYetRespondedSection communityId={communityId} canUpdate={community.can.update === true} />
      ) : null}
      <section className="panel" aria-labelledby="community-meetings">
        <h2 id="community-meetings">Meetings</h2>
        <div className="community-grid">
          <div>
            <h3>Upcoming</h3>
            <MeetingLinks meetings={community.upcomingMeetings} emptyText="No upcoming meetings." />
          </div>
          <div>
            <h3>Recent</h3>
            <MeetingLinks meetings={community.recentMeetings} emptyText="No meetings yet." />
          </div>
        </div>
        <p>
          <Link to="/communities/$communityId/meetings" params={{ communityId }}>
            All meetings
          </Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="community-action-items">
        <h2 id="community-action-items">Open action items</h2>
        <ActionItemList
          items={community.openActionItems}
          canContribute={community.can.contribute === true}
          emptyText="No open action items."
        />
      </section>
      <div className="community-grid">
        <RecentThreads communityId={communityId} />
        <CommunityResources communityId={communityId} />
      </div>
      <NormsPanel community={community} />
      <MembersPanel community={community} />
      <StudentSharingPanel community={community} personId={me.id} />
    </>
  );
}

function NormsPanel({ community }: { community: CommunityHome }) {
  const norms = community.norms;
  return (
    <section className="panel" aria-labelledby="community-norms">
      <h2 id="community-norms">Norms</h2>
      {norms ? (
        <>
          <NormList norms={norms.norms} />
          <AgreeToNorms communityId={community.id} norms={norms} canParticipate={community.can.participate === true} />
        </>
      ) : (
        <p className="muted">The team has not written its norms yet.</p>
      )}
      <p>
        <Link to="/communities/$communityId/norms" params={{ communityId: community.id }}>
          Norms, history and check-ins
        </Link>
      </p>
    </section>
  );
}

function MembersPanel({ community }: { community: CommunityHome }) {
  return (
    <section className="panel" aria-labelledby="community-members">
      <h2 id="community-members">Members</h2>
      <ul className={styles.members}>
        {community.members.map((member) => (
          <li key={member.personId}>
            <span className={styles.memberName}>{member.displayName}</span>{" "}
            <span className={`badge ${styles[member.teamRole] ?? ""}`}>{TEAM_ROLE_LABELS[member.teamRole]}</span>
            {member.schoolNames.length ? <span className="muted"> · {member.schoolNames.join(", ")}</span> : null}
            {member.sharesStudents ? <span className="muted"> · shares their students</span> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/communities/$communityId/members" params={{ communityId: community.id }}>
          {community.can.update ? "Manage members" : "All members"}
        </Link>
      </p>
    </section>
  );
}
