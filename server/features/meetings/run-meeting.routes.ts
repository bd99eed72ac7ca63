import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { AttendanceInput, DecisionInput, MeetingDetail, StepInput } from "../../../contract/meetings";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { loadMeetingFor, meetingDetail } from "./meeting-access";
import { recordMeetingDecision, removeMeetingDecision } from "./meeting-decisions";
import type { MeetingRow } from "./meetings.queries";
import { recordAttendance } from "./record-attendance";
import { completeMeeting, moveToStep, startMeeting } from "./run-meeting";

const DecisionParams = z.strictObject({ id: z.uuid(), decisionId: z.uuid() });
const contribute = { policy: "community.contribute" as const };

/** Running a meeting: its protocol's steps, attendance, decisions. Registered by meetingsRoutes. */
export async function runMeetingRoutes(app: App) {
  /** Loads the meeting for a contributor, makes the change, and answers with the meeting's page. */
  async function change(request: FastifyRequest, id: string, act: (meeting: MeetingRow) => Promise<void>) {
    const actor = requireActor(request);
    const { meeting } = await loadMeetingFor(app.db, actor, id, "community.contribute");
    await act(meeting);
    return meetingDetail(app.db, actor, meeting.id);
  }

  app.post(
    "/meetings/:id/start",
    { config: contribute, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) =>
      change(request, request.params.id, (meeting) => startMeeting(app.db, auditContextOf(request), meeting)),
  );

  app.post(
    "/meetings/:id/step",
    { config: contribute, schema: { params: IdParams, body: StepInput, response: { 200: MeetingDetail } } },
    async (request) => change(request, request.params.id, (meeting) => moveToStep(app.db, meeting, request.body.step)),
  );

  app.post(
    "/meetings/:id/complete",
    { config: contribute, schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) =>
      change(request, request.params.id, (meeting) => completeMeeting(app.db, auditContextOf(request), meeting)),
  );

  app.put(
    "/meetings/:id/attendance",
    { config: contribute, schema: { params: IdParams, body: AttendanceInput, response: { 200: MeetingDetail } } },
    async (request) =>
      change(request, request.params.id, (meeting) =>
        recordAttendance(app.db, auditContextOf(request), meeting, request.body),
      ),
  );

  app.post(
    "/meetings/:id/decisions",
    { config: contribute, schema: { params: IdParams, body: DecisionInput, response: { 201: MeetingDetail } } },
    async (request, reply) => {
      const detail = await change(request, request.params.id, (meeting) =>
        recordMeetingDecision(app.db, actorContextOf(request), meeting, request.body.text),
      );
      return reply.code(201).send(detail);
    },
  );

  app.delete(
    "/meetings/:id/decisions/:decisionId",
    { config: contribute, schema: { params: DecisionParams, response: { 200: MeetingDetail } } },
    async (request) =>
      change(request, request.params.id, (meeting) =>
        removeMeetingDecision(app.db, auditContextOf(request), meeting, request.params.decisionId),
      ),
  );
}
