import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  AttendanceInput,
  DecisionInput,
  MeetingDetail,
  MeetingInput,
  MeetingList,
  MeetingPatch,
  StepInput,
} from "../../../contract/meetings";
import { recordAudit } from "../../audit/record-audit";
import { meetingAttendance, meetingDecisions, meetings } from "../../db/schema";
import { sqlNow } from "../../db/sql-time";
import { invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { Action } from "../../policy/rules";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { loadMeetingDetail } from "./meeting-detail";
import { findMeeting, listMeetingSummaries } from "./meetings.queries";
import { scheduleMeetings } from "./schedule-meetings";

const MeetingsQuery = z.strictObject({ when: z.enum(["upcoming", "past", "all"]).default("upcoming") });
const DecisionParams = z.strictObject({ id: z.uuid(), decisionId: z.uuid() });

/** Meetings: scheduling (one-off or recurring), running them on a protocol, and what they record. */
export async function meetingsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  /** The meeting and its community, once the actor is known to be allowed `action` there. */
  async function loadMeetingFor(actor: Actor, id: string, action: Action & `community.${string}`) {
    const meeting = (await findMeeting(app.db, id)) ?? notFound("meeting");
    const community = await loadCommunity(meeting.communityId);
    authorize(actor, action, community);
    return { meeting, community };
  }

  async function detail(actor: Actor, id: string) {
    const { meeting, community } = await loadMeetingFor(actor, id, "community.read");
    return loadMeetingDetail(app.db, actor, meeting, community);
  }

  app.get(
    "/communities/:id/meetings",
    {
      config: { policy: "community.read" },
      schema: { params: IdParams, querystring: MeetingsQuery, response: { 200: MeetingList } },
    },
    async (request) => {
      const community = await loadCommunity(request.params.id);
      authorize(requireActor(request), "community.read", community);
      const when = request.query.when;
      const timeFilter =
        when === "upcoming"
          ? sql`and m.ends_at > ${sqlNow()}`
          : when === "past"
            ? sql`and m.ends_at <= ${sqlNow()}`
            : sql``;
      const items = await listMeetingSummaries(app.db, sql`m.community_id = ${community.id} ${timeFilter}`, {
        newestFirst: when === "past",
        limit: 200,
      });
      return { items };
    },
  );

  app.post(
    "/communities/:id/meetings",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: MeetingInput, response: { 201: MeetingList } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const created = await scheduleMeetings(app.db, request, community, request.body);
      const ids = sql.join(
        created.map((id) => sql`${id}`),
        sql`, `,
      );
      const items = await listMeetingSummaries(app.db, sql`m.id in (${ids})`, { limit: 100 });
      return reply.code(201).send({ items });
    },
  );

  app.get(
    "/meetings/:id",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: MeetingPatch, response: { 200: MeetingDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      await app.db
        .update(meetings)
        .set({ ...request.body, updatedAt: sql`now()` })
        .where(eq(meetings.id, meeting.id));
      await recordAudit(app.db, request, {
        action: "meeting.updated",
        subjectType: "meeting",
        subjectId: meeting.id,
        details: { fields: Object.keys(request.body) },
      });
      return detail(actor, meeting.id);
    },
  );

  app.post(
    "/meetings/:id/start",
    { config: { policy: "community.contribute" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      if (meeting.status === "cancelled") invalid("This meeting was cancelled.");
      await app.db
        .update(meetings)
        .set({
          status: "in_progress",
          currentStep: meeting.protocol ? (meeting.currentStep ?? 0) : null,
          stepStartedAt: meeting.protocol ? sql`now()` : null,
          updatedAt: sql`now()`,
        })
        .where(eq(meetings.id, meeting.id));
      await recordAudit(app.db, request, { action: "meeting.started", subjectType: "meeting", subjectId: meeting.id });
      return detail(actor, meeting.id);
    },
  );

  app.post(
    "/meetings/:id/step",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: StepInput, response: { 200: MeetingDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      const steps = meeting.protocol?.steps.length ?? 0;
      if (request.body.step >= steps) {
        invalid("This meeting's protocol has no such step.", [
          { pointer: "/body/step", detail: `Choose a step from 0 to ${steps - 1}.` },
        ]);
      }
      await app.db
        .update(meetings)
        .set({
          status: "in_progress",
          currentStep: request.body.step,
          stepStartedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(meetings.id, meeting.id));
      return detail(actor, meeting.id);
    },
  );

  app.post(
    "/meetings/:id/complete",
    { config: { policy: "community.contribute" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      await app.db
        .update(meetings)
        .set({ status: "completed", stepStartedAt: null, updatedAt: sql`now()` })
        .where(eq(meetings.id, meeting.id));
      await recordAudit(app.db, request, {
        action: "meeting.completed",
        subjectType: "meeting",
        subjectId: meeting.id,
      });
      return detail(actor, meeting.id);
    },
  );

  app.put(
    "/meetings/:id/attendance",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: AttendanceInput, response: { 200: MeetingDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      const attendees = await app.db.execute<{ person_id: string }>(sql`
        select person_id from community_members where community_id = ${meeting.communityId}
        union select person_id from meeting_attendance where meeting_id = ${meeting.id}`);
      const allowed = new Set(attendees.rows.map((r) => r.person_id));
      const problems = request.body.entries.flatMap((entry, i) =>
        allowed.has(entry.personId)
          ? []
          : [{ pointer: `/body/entries/${i}/personId`, detail: "Not a member of this community." }],
      );
      if (problems.length) invalid("Attendance is recorded for members only.", problems);
      await app.db.transaction(async (tx) => {
        for (const entry of request.body.entries) {
          await tx
            .insert(meetingAttendance)
            .values({
              districtId: meeting.districtId,
              meetingId: meeting.id,
              personId: entry.personId,
              status: entry.status,
            })
            .onConflictDoUpdate({
              target: [meetingAttendance.meetingId, meetingAttendance.personId],
              set: { status: entry.status },
            });
        }
        await recordAudit(tx, request, {
          action: "meeting.attendance_recorded",
          subjectType: "meeting",
          subjectId: meeting.id,
        });
      });
      return detail(actor, meeting.id);
    },
  );

  app.post(
    "/meetings/:id/decisions",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: DecisionInput, response: { 201: MeetingDetail } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      await app.db.insert(meetingDecisions).values({
        districtId: meeting.districtId,
        meetingId: meeting.id,
        text: request.body.text,
        createdById: actor.personId,
      });
      await recordAudit(app.db, request, {
        action: "meeting.decision_recorded",
        subjectType: "meeting",
        subjectId: meeting.id,
      });
      return reply.code(201).send(await detail(actor, meeting.id));
    },
  );

  app.delete(
    "/meetings/:id/decisions/:decisionId",
    {
      config: { policy: "community.contribute" },
      schema: { params: DecisionParams, response: { 200: MeetingDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(actor, request.params.id, "community.contribute");
      const removed = await app.db
        .delete(meetingDecisions)
        .where(and(eq(meetingDecisions.id, request.params.decisionId), eq(meetingDecisions.meetingId, meeting.id)))
        .returning({ id: meetingDecisions.id });
      if (!removed.length) notFound("decision");
      await recordAudit(app.db, request, {
        action: "meeting.decision_removed",
        subjectType: "meeting",
        subjectId: meeting.id,
      });
      return detail(actor, meeting.id);
    },
  );
}
