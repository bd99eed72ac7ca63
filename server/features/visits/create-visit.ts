import type { z } from "zod";
import type { VisitInput } from "../../../contract/visits";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { classroomVisits, visitVisitors } from "../../db/schema";
import { invalid } from "../../errors";
import { isDistrictLeader } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { findCommunity } from "../communities/communities.queries";
import { sendNotices } from "../notifications/notices";
import { findActiveColleagueIds } from "./visits.queries";

/** Invites colleagues into the actor's classroom: the visit, its visitors and their notifications; returns its id. */
export async function createVisit(db: Db, context: ActorContext, input: z.infer<typeof VisitInput>): Promise<string> {
  const { actor } = context;
  const { visitorIds, communityId, schoolId, startsAt, focus } = input;
  const known = await findActiveColleagueIds(db, actor.districtId, visitorIds);
  const problems = visitorIds.flatMap((id, i) =>
    known.has(id) && id !== actor.personId
      ? []
      : [{ pointer: `/body/visitorIds/${i}`, detail: "Choose an active colleague other than yourself." }],
  );
  if (problems.length) invalid("Some visitors are not valid.", problems);
  if (communityId) {
    const community = await findCommunity(db, communityId);
    if (!community || !can(actor, "community.participate", community)) {
      invalid("Choose one of your own teams.", [
        { pointer: "/body/communityId", detail: "You are not a member of this team." },
      ]);
    }
  }
  if (schoolId && !actor.roles.some((r) => r.schoolId === schoolId) && !isDistrictLeader(actor)) {
    invalid("Choose a school where you work.", [
      { pointer: "/body/schoolId", detail: "You have no role at this school." },
    ]);
  }
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(classroomVisits)
      .values({
        districtId: actor.districtId,
        hostId: actor.personId,
        focus,
        communityId,
        schoolId: schoolId ?? actor.roles.find((r) => r.schoolId)?.schoolId ?? null,
        startsAt: startsAt ? new Date(startsAt) : null,
        status: startsAt ? "scheduled" : "proposed",
      })
      .returning({ id: classroomVisits.id });
    if (!visit) throw new Error("visit insert returned nothing");
    await tx
      .insert(visitVisitors)
      .values([...known].map((visitorId) => ({ districtId: actor.districtId, visitId: visit.id, visitorId })));
    await sendNotices(
      tx,
      [...known].map((personId) => ({
        districtId: actor.districtId,
        personId,
        kind: "visit",
        title: `${actor.displayName} invited you to visit their classroom: ${focus.slice(0, 80)}`,
        link: `/visits/${visit.id}`,
        actorId: actor.personId,
      })),
      null,
    );
    await recordAudit(tx, context, { action: "visit.created", subjectType: "visit", subjectId: visit.id });
    return visit.id;
  });
}
