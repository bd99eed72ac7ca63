import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  FeedbackInput,
  ShareInput,
  type Visit,
  VisitCounts,
  VisitInput,
  VisitList,
  VisitPatch,
  Visit as VisitSchema,
} from "../../../contract/visits";
import { recordAudit } from "../../audit/record-audit";
import { classroomVisits, people, visitFeedback, visitVisitors } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { type Actor, isDistrictLeader, schoolsLed } from "../../policy/actor";
import { abilities, authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { notify } from "../notifications/notify";
import { listVisits, type VisitRow, visitTarget } from "./visits.queries";

const FeedbackParams = z.strictObject({ id: z.uuid(), feedbackId: z.uuid() });

/** A visit as this person may see it: the host reads all feedback, a visitor their own, the team what was shared. */
function presentVisit(actor: Actor, visit: VisitRow): Visit {
  const target = visitTarget(visit);
  const isHost = visit.host.id === actor.personId;
  const feedback = visit.feedback.filter((f) => isHost || f.visitor.id === actor.personId || f.isSharedWithTeam);
  return {
    id: visit.id,
    focus: visit.focus,
    status: visit.status,
    startsAt: visit.startsAt,
    host: visit.host,
    visitors: visit.visitors,
    school: visit.school,
    community: visit.community ? { id: visit.community.id, name: visit.community.name } : null,
    feedback,
    createdAt: visit.createdAt,
    can: abilities(actor, ["visit.update", "visit.giveFeedback"], target),
  };
}

/** Classroom visits: peers invited into a classroom around a focus, with non-evaluative feedback. */
export async function visitsRoutes(app: App) {
  async function loadVisit(id: string) {
    const [visit] = await listVisits(app.db, sql`v.id = ${id}`);
    return visit ?? notFound("visit");
  }

  app.get("/visits", { config: { policy: "signed-in" }, schema: { response: { 200: VisitList } } }, async (request) => {
    const actor = requireActor(request);
    const visits = await listVisits(
      app.db,
      sql`v.district_id = ${actor.districtId} and (v.host_id = ${actor.personId}
          or exists (select 1 from visit_visitors vv where vv.visit_id = v.id and vv.visitor_id = ${actor.personId})
          or (exists (select 1 from community_members cm where cm.community_id = v.community_id and cm.person_id = ${actor.personId})
              and exists (select 1 from visit_feedback f where f.visit_id = v.id and f.is_shared_with_team)))`,
    );
    // The last clause only narrows the query; the read rule decides.
    return { items: visits.filter((v) => can(actor, "visit.read", visitTarget(v))).map((v) => presentVisit(actor, v)) };
  });

  app.post(
    "/visits",
    { config: { policy: "visit.create" }, schema: { body: VisitInput, response: { 201: VisitSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "visit.create", { districtId: actor.districtId });
      const { visitorIds, communityId, schoolId, startsAt, focus } = request.body;
      const visitors = await app.db
        .select({ id: people.id })
        .from(people)
        .where(
          and(eq(people.districtId, actor.districtId), inArray(people.id, visitorIds), eq(people.status, "active")),
        );
      const known = new Set(visitors.map((v) => v.id));
      const problems = visitorIds.flatMap((id, i) =>
        known.has(id) && id !== actor.personId
          ? []
          : [{ pointer: `/body/visitorIds/${i}`, detail: "Choose an active colleague other than yourself." }],
      );
      if (problems.length) invalid("Some visitors are not valid.", problems);
      if (communityId) {
        const community = await findCommunity(app.db, communityId);
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
      const id = await app.db.transaction(async (tx) => {
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
        await notify(
          tx,
          [...known].map((personId) => ({
            districtId: actor.districtId,
            personId,
            kind: "visit",
            title: `${actor.displayName} invited you to visit their classroom: ${focus.slice(0, 80)}`,
            link: `/visits/${visit.id}`,
            actorId: actor.personId,
          })),
        );
        await recordAudit(tx, request, { action: "visit.created", subjectType: "visit", subjectId: visit.id });
        return visit.id;
      });
      return reply.code(201).send(presentVisit(actor, await loadVisit(id)));
    },
  );

  app.get(
    "/visits/counts",
    { config: { policy: "visit.counts" }, schema: { response: { 200: VisitCounts } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "visit.counts", { districtId: actor.districtId });
      const led = [...schoolsLed(actor)];
      const schoolFilter = isDistrictLeader(actor)
        ? sql``
        : sql`and s.id in (${sql.join(
            led.map((id) => sql`${id}`),
            sql`, `,
          )})`;
      const rows = await app.db.execute<{
        school_id: string;
        school_name: string;
        proposed: number;
        scheduled: number;
        completed: number;
        feedback_given: number;
      }>(sql`
        select s.id as school_id, s.name as school_name,
               count(*) filter (where v.status = 'proposed')::int as proposed,
               count(*) filter (where v.status = 'scheduled')::int as scheduled,
               count(*) filter (where v.status = 'completed')::int as completed,
               coalesce(sum((select count(*) from visit_feedback f where f.visit_id = v.id)), 0)::int as feedback_given
          from schools s left join classroom_visits v on v.school_id = s.id
         where s.district_id = ${actor.districtId} ${schoolFilter}
         group by s.id, s.name order by s.name`);
      return {
        schools: rows.rows.map((r) => ({
          schoolId: r.school_id,
          schoolName: r.school_name,
          proposed: r.proposed,
          scheduled: r.scheduled,
          completed: r.completed,
          feedbackGiven: r.feedback_given,
        })),
      };
    },
  );

  app.get(
    "/visits/:id",
    { config: { policy: "visit.read" }, schema: { params: IdParams, response: { 200: VisitSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.read", visitTarget(visit));
      return presentVisit(actor, visit);
    },
  );

  app.patch(
    "/visits/:id",
    {
      config: { policy: "visit.update" },
      schema: { params: IdParams, body: VisitPatch, response: { 200: VisitSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.update", visitTarget(visit));
      const { startsAt, ...fields } = request.body;
      const when = startsAt === undefined ? {} : { startsAt: startsAt ? new Date(startsAt) : null };
      await app.db
        .update(classroomVisits)
        .set({ ...fields, ...when })
        .where(eq(classroomVisits.id, visit.id));
      await recordAudit(app.db, request, {
        action: "visit.updated",
        subjectType: "visit",
        subjectId: visit.id,
        details: { fields: Object.keys(request.body) },
      });
      return presentVisit(actor, await loadVisit(visit.id));
    },
  );

  app.post(
    "/visits/:id/feedback",
    {
      config: { policy: "visit.giveFeedback" },
      schema: { params: IdParams, body: FeedbackInput, response: { 201: VisitSchema } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.giveFeedback", visitTarget(visit));
      if (visit.feedback.some((f) => f.visitor.id === actor.personId))
        conflict("You have already given feedback on this visit.");
      await app.db.transaction(async (tx) => {
        await tx
          .insert(visitFeedback)
          .values({ districtId: visit.districtId, visitId: visit.id, visitorId: actor.personId, ...request.body });
        if (visit.status !== "completed")
          await tx.update(classroomVisits).set({ status: "completed" }).where(eq(classroomVisits.id, visit.id));
        await notify(tx, [
          {
            districtId: visit.districtId,
            personId: visit.host.id,
            kind: "visit",
            title: `${actor.displayName} left feedback on your classroom visit`,
            link: `/visits/${visit.id}`,
            actorId: actor.personId,
          },
        ]);
        await recordAudit(tx, request, { action: "visit.feedback_given", subjectType: "visit", subjectId: visit.id });
      });
      return reply.code(201).send(presentVisit(actor, await loadVisit(visit.id)));
    },
  );

  app.put(
    "/visits/:id/feedback/:feedbackId/sharing",
    {
      config: { policy: "visit.update" },
      schema: { params: FeedbackParams, body: ShareInput, response: { 200: VisitSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.update", visitTarget(visit));
      if (request.body.isSharedWithTeam && !visit.communityId) {
        invalid("Choose the team to share with first.", [
          { pointer: "/body/isSharedWithTeam", detail: "This visit has no team." },
        ]);
      }
      const updated = await app.db
        .update(visitFeedback)
        .set({ isSharedWithTeam: request.body.isSharedWithTeam })
        .where(and(eq(visitFeedback.id, request.params.feedbackId), eq(visitFeedback.visitId, visit.id)))
        .returning({ id: visitFeedback.id });
      if (!updated.length) notFound("feedback");
      await recordAudit(app.db, request, {
        action: request.body.isSharedWithTeam ? "visit.feedback_shared" : "visit.feedback_unshared",
        subjectType: "visit",
        subjectId: visit.id,
      });
      return presentVisit(actor, await loadVisit(visit.id));
    },
  );
}
