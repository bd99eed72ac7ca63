import type { MeetingDetail } from "../../../contract/meetings";
import { todayIn } from "../../clock";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { abilities, can } from "../../policy/authorize";
import type { CommunityRow } from "../communities/communities.queries";
import { findMeetingCycle } from "../cycles/cycle-work.queries";
import {
  findSeriesTimezone,
  listActionItems,
  listAttendance,
  listDecisions,
  type MeetingRow,
  neighbourMeetings,
} from "./meetings.queries";

/** A meeting's page: the meeting, its protocol, attendance, decisions, and the action items it carries. */
export async function loadMeetingDetail(
  db: Db,
  actor: Actor,
  meeting: MeetingRow,
  community: CommunityRow,
): Promise<MeetingDetail> {
  const [attendance, decisions, actionItems, neighbours, timezone, cycle] = await Promise.all([
    listAttendance(db, meeting),
    listDecisions(db, meeting.id),
    listActionItems(db, { carriedBy: meeting }, todayIn(actor.timeZone)),
    neighbourMeetings(db, meeting),
    meeting.seriesId ? findSeriesTimezone(db, meeting.seriesId) : Promise.resolve(null),
    findMeetingCycle(db, meeting.id),
  ]);
  return {
    id: meeting.id,
    communityId: meeting.communityId,
    communityName: community.name,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timezone,
    mode: meeting.mode,
    location: meeting.location,
    link: meeting.link,
    status: meeting.status,
    protocolName: meeting.protocol?.name ?? null,
    recurring: meeting.seriesId !== null,
    agenda: meeting.agenda,
    notes: meeting.notes,
    protocol: meeting.protocol,
    currentStep: meeting.currentStep,
    stepStartedAt: meeting.stepStartedAt?.toISOString() ?? null,
    attendance,
    decisions,
    actionItems,
    previousMeetingId: neighbours.previousId,
    nextMeetingId: neighbours.nextId,
    cycle:
      cycle && can(actor, "cycle.read", { districtId: meeting.districtId, id: cycle.id, community }) ? cycle : null,
    can: abilities(actor, ["community.update", "community.contribute"], community),
  };
}
