import {
  CycleEntryParams,
  CycleMeetingInput,
  CycleMeetingList,
  CycleMeetingParams,
  CycleParams,
  CycleVisitList,
  CycleVisitParams,
  ImplementationInput,
  ImplementationList,
} from "../../../contract/cycle-work";
import { notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { listVisits, visitTarget } from "../visits/visits.queries";
import { authorizedCycle } from "./authorized-cycle";
import {
  cycleWorkAbilities,
  presentCycleMeetings,
  presentCycleVisit,
  presentImplementations,
} from "./cycle-work.present";
import {
  type CycleWorkCycle,
  findImplementation,
  findMeetingCommunityId,
  listCycleMeetings,
  listCycleVisitIds,
  listImplementations,
  listTaughtClasses,
  listTeamMeetings,
} from "./cycle-work.queries";
import {
  deleteImplementation,
  logImplementation,
  tieMeeting,
  tieVisit,
  untieMeeting,
  untieVisit,
} from "./cycle-work-commands";

/** The work inside a cycle, part two: implementation with its visits and coaching, and meetings tied to stages. */
export async function cycleWorkTiesRoutes(app: App) {
  async function implementations(actor: Actor, cycle: CycleWorkCycle) {
    const [rows, myClasses] = await Promise.all([
      listImplementations(app.db, cycle.id),
      listTaughtClasses(app.db, actor.personId),
    ]);
    return presentImplementations(actor, cycle, rows, myClasses);
  }
  async function visits(actor: Actor, cycle: CycleWorkCycle) {
    const ids = await listCycleVisitIds(app.db, cycle.id);
    const rows = (await Promise.all(ids.map((id) => listVisits(app.db, { id })))).flat();
    return { items: rows.map((visit) => presentCycleVisit(actor, visit)), can: cycleWorkAbilities(actor, cycle) };
  }
  async function meetings(actor: Actor, cycle: CycleWorkCycle) {
    const [rows, team] = await Promise.all([
      listCycleMeetings(app.db, cycle.id),
      listTeamMeetings(app.db, cycle.communityId),
    ]);
    return presentCycleMeetings(actor, cycle, rows, team);
  }

  app.get(
    "/cycles/:cycleId/implementations",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: ImplementationList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return implementations(actor, cycle);
    },
  );

  app.post(
    "/cycles/:cycleId/implementations",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleParams, body: ImplementationInput, response: { 201: ImplementationList } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await logImplementation(app.db, actorContextOf(request), cycle, request.body);
      return reply.code(201).send(await implementations(actor, cycle));
    },
  );

  app.delete(
    "/cycles/:cycleId/implementations/:entryId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleEntryParams, response: { 200: ImplementationList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      const implementation =
        (await findImplementation(app.db, cycle.id, request.params.entryId)) ?? notFound("application");
      await deleteImplementation(app.db, actorContextOf(request), cycle, implementation);
      return implementations(actor, cycle);
    },
  );

  app.get(
    "/cycles/:cycleId/visits",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: CycleVisitList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return visits(actor, cycle);
    },
  );

  app.put(
    "/cycles/:cycleId/visits/:visitId",
    { config: { policy: "cycle.contribute" }, schema: { params: CycleVisitParams, response: { 200: CycleVisitList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      const [visit] = await listVisits(app.db, { id: request.params.visitId });
      if (!visit) notFound("visit");
      authorize(actor, "visit.read", visitTarget(visit));
      await tieVisit(app.db, actorContextOf(request), cycle, visit.id);
      return visits(actor, cycle);
    },
  );

  app.delete(
    "/cycles/:cycleId/visits/:visitId",
    { config: { policy: "cycle.contribute" }, schema: { params: CycleVisitParams, response: { 200: CycleVisitList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await untieVisit(app.db, actorContextOf(request), cycle, request.params.visitId);
      return visits(actor, cycle);
    },
  );

  app.get(
    "/cycles/:cycleId/meetings",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: CycleMeetingList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return meetings(actor, cycle);
    },
  );

  app.put(
    "/cycles/:cycleId/meetings/:meetingId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleMeetingParams, body: CycleMeetingInput, response: { 200: CycleMeetingList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      // Only the team's own meetings: another team's meeting is not known here.
      const communityId = await findMeetingCommunityId(app.db, request.params.meetingId);
      if (communityId !== cycle.communityId) notFound("meeting");
      await tieMeeting(app.db, actorContextOf(request), cycle, request.params.meetingId, request.body.stage);
      return meetings(actor, cycle);
    },
  );

  app.delete(
    "/cycles/:cycleId/meetings/:meetingId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleMeetingParams, response: { 200: CycleMeetingList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await untieMeeting(app.db, actorContextOf(request), cycle, request.params.meetingId);
      return meetings(actor, cycle);
    },
  );
}
