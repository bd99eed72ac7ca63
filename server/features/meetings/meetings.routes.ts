import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { MeetingDetail, MeetingInput, MeetingList, MeetingPatch } from "../../../contract/meetings";
import { auditContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { loadMeetingFor, meetingDetail } from "./meeting-access";
import { listMeetingSummaries } from "./meetings.queries";
import { updateMeeting } from "./run-meeting";
import { runMeetingRoutes } from "./run-meeting.routes";
import { scheduleMeetings } from "./schedule-meetings";

const MeetingsQuery = z.strictObject({ when: z.enum(["upcoming", "past", "all"]).default("upcoming") });

/** Meetings: scheduling (one-off or recurring), running them on a protocol, and what they record. */
export async function meetingsRoutes(app: App) {
  app.get(
    "/communities/:id/meetings",
    {
      config: { policy: "community.read" },
      schema: { params: IdParams, querystring: MeetingsQuery, response: { 200: MeetingList } },
    },
    async (request) => {
      const community = await requireCommunity(app.db, request.params.id);
      authorize(requireActor(request), "community.read", community);
      const when = request.query.when;
      const items = await listMeetingSummaries(
        app.db,
        { communityId: community.id, when },
        { newestFirst: when === "past", limit: 200 },
      );
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
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const created = await scheduleMeetings(app.db, auditContextOf(request), community, request.body);
      const items = await listMeetingSummaries(app.db, { ids: created }, { limit: 100 });
      return reply.code(201).send({ items });
    },
  );

  app.get(
    "/meetings/:id",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => meetingDetail(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: MeetingPatch, response: { 200: MeetingDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await updateMeeting(app.db, auditContextOf(request), meeting, request.body);
      return meetingDetail(app.db, actor, meeting.id);
    },
  );

  await runMeetingRoutes(app);
}
