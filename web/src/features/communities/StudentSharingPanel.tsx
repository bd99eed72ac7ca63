import type { CommunityHome } from "../../../../contract/communities";
import { useApproveStudentSharing, useShareMyStudents } from "./communities.api";

/**
 * Whose students the team shares: only members who chose to share theirs, and only in a grade-level or course
 * team or one a leader approved; readers see them at the schools they work at. The rules live on the server.
 */
export function StudentSharingPanel({ community, personId }: { community: CommunityHome; personId: string }) {
  const share = useShareMyStudents(community.id);
  const approve = useApproveStudentSharing(community.id);
  const isSharing = community.studentSharing.byKind || community.studentSharing.approved;
  const sharers = community.members.filter((m) => m.sharesStudents);
  const me = community.members.find((m) => m.personId === personId);
  return (
    <section className="panel" aria-labelledby="community-student-sharing">
      <h2 id="community-student-sharing">Shared students</h2>
      {!isSharing ? (
        <p className="muted">
          This team does not share students: it is not a grade-level or course team, and no leader has approved sharing.
        </p>
      ) : sharers.length ? (
        <p>
          Members see the students of {sharers.map((m) => m.displayName).join(", ")} at the schools where they work.
        </p>
      ) : (
        <p className="muted">No member shares their students with this team yet.</p>
      )}
      {community.can.shareStudents && me ? (
        <button type="button" disabled={share.isPending} onClick={() => share.mutate(!me.sharesStudents)}>
          {me.sharesStudents ? "Stop sharing my students" : "Share my students with this team"}
        </button>
      ) : null}{" "}
      {community.can.approveStudentSharing && !community.studentSharing.byKind ? (
        <button
          type="button"
          disabled={approve.isPending}
          onClick={() => approve.mutate(!community.studentSharing.approved)}
        >
          {community.studentSharing.approved ? "Withdraw approval to share students" : "Approve sharing students"}
        </button>
      ) : null}
    </section>
  );
}
