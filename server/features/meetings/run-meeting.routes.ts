import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { AttendanceInput, DecisionInput, MeetingDetail, StepInput } from "../../../contract/meetings";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { loadMeetingFor, meetingDetail } from "./meeting-access";
import { recordMeetingDecision, removeMeetingDecision } from "./meeting-decisions";
import { recordAttendance } from "./record-attendance";
import { completeMeeting, moveToStep, startMeeting } from "./run-meeting";

const DecisionParams = z.strictObject({ id: z.uuid(), decisionId: z.uuid() });

/** Running a meeting: its protocol's steps, attendance, decisions. Registered by meetingsRoutes. */
export async function runMeetingRoutes(app: App) {
  app.post(
    "/meetings/:id/start",
    { config: { policy: "community.contribute" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await startMeeting(app.db, auditContextOf(request), meeting);
      return meetingDetail(app.db, actor, meeting.id);
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
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await moveToStep(app.db, meeting, request.body.step);
      return meetingDetail(app.db, actor, meeting.id);
    },
  );

  app.post(
    "/meetings/:id/complete",
    { config: { policy: "community.contribute" }, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await completeMeeting(app.db, auditContextOf(request), meeting);
      return meetingDetail(app.db, actor, meeting.id);
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
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await recordAttendance(app.db, auditContextOf(request), meeting, request.body);
      return meetingDetail(app.db, actor, meeting.id);
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
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await recordMeetingDecision(app.db, actorContextOf(request), meeting, request.body.text);
      return reply.code(201).send(await meetingDetail(app.db, actor, meeting.id));
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
      const { meeting } = await loadMeetingFor(app.db, actor, request.params.id, "community.contribute");
      await removeMeetingDecision(app.db, auditContextOf(request), meeting, request.params.decisionId);
      return meetingDetail(app.db, actor, meeting.id);
    },
  );
}
