import type { MeetingDetail } from "../../../contract/meetings";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { Action } from "../../policy/rules";
import { requireCommunity } from "../communities/communities.queries";
import { loadMeetingDetail } from "./meeting-detail";
import { findMeeting } from "./meetings.queries";

/** The meeting and its community, once the actor is known to be allowed `action` there (404 when no meeting). */
export async function loadMeetingFor(db: Db, actor: Actor, id: string, action: Action & `community.${string}`) {
  const meeting = (await findMeeting(db, id)) ?? notFound("meeting");
  const community = await requireCommunity(db, meeting.communityId);
  authorize(actor, action, community);
  return { meeting, community };
}

/** A meeting's page, for an actor who may read its community. */
export async function meetingDetail(db: Db, actor: Actor, id: string): Promise<MeetingDetail> {
  const { meeting, community } = await loadMeetingFor(db, actor, id, "community.read");
  return loadMeetingDetail(db, actor, meeting, community);
}
