import type { CommunitySummary } from "../../../contract/communities";
import { type Actor, isMemberOf } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import { SHARING_KINDS } from "../../policy/rules";
import type { CommunityRow } from "./communities.queries";

/** A community as the API lists it, with what the actor may do there. */
export function presentCommunity(actor: Actor, community: CommunityRow): CommunitySummary {
  return {
    id: community.id,
    name: community.name,
    kind: community.kind,
    purpose: community.purpose,
    archived: community.archived,
    schools: community.schools,
    memberCount: community.memberCount,
    isMember: isMemberOf(actor, community.id),
    nextMeetingAt: community.nextMeetingAt,
    studentSharing: {
      byKind: (SHARING_KINDS as readonly string[]).includes(community.kind),
      approved: community.studentSharingApproved,
    },
    countsPartlyScoredAsNeed: community.countsPartlyScoredAsNeed,
    can: abilities(
      actor,
      [
        "community.update",
        "community.contribute",
        "community.participate",
        "community.shareStudents",
        "community.approveStudentSharing",
      ],
      community,
    ),
  };
}
