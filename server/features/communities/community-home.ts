import type { CommunityHome } from "../../../contract/communities";
import { todayIn } from "../../clock";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { listActionItems, listMeetingSummaries } from "../meetings/meetings.queries";
import { presentCommunity } from "./communities.present";
import { type CommunityRow, listMembers } from "./communities.queries";
import { listNormVersions } from "./norms.queries";

/**
 * Everything on a community's home page. Each section is one query, so the page costs the same number
 * of queries with five members or a hundred.
 */
export async function loadCommunityHome(db: Db, actor: Actor, community: CommunityRow): Promise<CommunityHome> {
  const [members, norms, upcomingMeetings, recentMeetings, openActionItems] = await Promise.all([
    listMembers(db, community.id),
    listNormVersions(db, community.id, 1),
    listMeetingSummaries(
      db,
      { communityId: community.id, when: "upcoming", statuses: ["scheduled", "in_progress"] },
      { limit: 5 },
    ),
    listMeetingSummaries(
      db,
      { communityId: community.id, when: "past", statuses: ["scheduled", "in_progress", "completed"] },
      { newestFirst: true, limit: 5 },
    ),
    listActionItems(db, { communityId: community.id, status: "open" }, todayIn(actor.timeZone)),
  ]);
  return {
    ...presentCommunity(actor, community),
    members,
    norms: norms[0] ?? null,
    nextMeeting: upcomingMeetings[0] ?? null,
    upcomingMeetings,
    recentMeetings,
    openActionItems,
  };
}
