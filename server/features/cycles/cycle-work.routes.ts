import {
  CycleEntryParams,
  CycleParams,
  CycleResourceParams,
  CycleStrategyList,
  LearningEntryInput,
  LearningEntryPatch,
  LearningLog,
  RefinementInput,
  RefinementList,
} from "../../../contract/cycle-work";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findResource, resourceTarget } from "../library/library.queries";
import { authorizedCycle } from "./authorized-cycle";
import { presentLearningLog, presentRefinements, presentStrategies } from "./cycle-work.present";
import { type CycleWorkCycle, listCycleStrategies, listLearningEntries, listRefinements } from "./cycle-work.queries";
import { addRefinement, chooseStrategy, removeStrategy } from "./cycle-work-commands";
import { addLearningEntry, deleteLearningEntry, updateLearningEntry } from "./cycle-work-learning";
import { readableLinkIds } from "./cycle-work-links";

/** The work inside a cycle, part one: the professional learning log, the chosen strategies, the refinements. */
export async function cycleWorkRoutes(app: App) {
  async function learningLog(actor: Actor, cycle: CycleWorkCycle) {
    const rows = await listLearningEntries(app.db, cycle.id);
    return presentLearningLog(actor, cycle, rows, await readableLinkIds(app.db, actor, rows));
  }
  async function loadEntry(cycle: CycleWorkCycle, entryId: string) {
    const [entry] = await listLearningEntries(app.db, cycle.id, entryId);
    return entry ?? notFound("learning entry");
  }

  app.get(
    "/cycles/:cycleId/learning-log",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: LearningLog } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return learningLog(actor, cycle);
    },
  );

  app.post(
    "/cycles/:cycleId/learning-log",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleParams, body: LearningEntryInput, response: { 201: LearningLog } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await addLearningEntry(app.db, actorContextOf(request), cycle, request.body);
      return reply.code(201).send(await learningLog(actor, cycle));
    },
  );

  app.patch(
    "/cycles/:cycleId/learning-log/:entryId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleEntryParams, body: LearningEntryPatch, response: { 200: LearningLog } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      const entry = await loadEntry(cycle, request.params.entryId);
      await updateLearningEntry(app.db, actorContextOf(request), cycle, entry, request.body);
      return learningLog(actor, cycle);
    },
  );

  app.delete(
    "/cycles/:cycleId/learning-log/:entryId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleEntryParams, response: { 200: LearningLog } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      const entry = await loadEntry(cycle, request.params.entryId);
      await deleteLearningEntry(app.db, actorContextOf(request), cycle, entry);
      return learningLog(actor, cycle);
    },
  );

  app.get(
    "/cycles/:cycleId/strategies",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: CycleStrategyList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return presentStrategies(actor, cycle, await listCycleStrategies(app.db, cycle.id));
    },
  );

  app.put(
    "/cycles/:cycleId/strategies/:resourceId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleResourceParams, response: { 200: CycleStrategyList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      const resource = (await findResource(app.db, actor, request.params.resourceId)) ?? notFound("resource");
      authorize(actor, "resource.read", resourceTarget(resource));
      if (resource.kind !== "strategy") {
        invalid("Choose a strategy from the library.", [
          { pointer: "/params/resourceId", detail: "This resource is not a strategy." },
        ]);
      }
      await chooseStrategy(app.db, actorContextOf(request), cycle, resource.id);
      return presentStrategies(actor, cycle, await listCycleStrategies(app.db, cycle.id));
    },
  );

  app.delete(
    "/cycles/:cycleId/strategies/:resourceId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleResourceParams, response: { 200: CycleStrategyList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await removeStrategy(app.db, actorContextOf(request), cycle, request.params.resourceId);
      return presentStrategies(actor, cycle, await listCycleStrategies(app.db, cycle.id));
    },
  );

  app.get(
    "/cycles/:cycleId/refinements",
    { config: { policy: "cycle.read" }, schema: { params: CycleParams, response: { 200: RefinementList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.read");
      return presentRefinements(actor, cycle, await listRefinements(app.db, cycle.id));
    },
  );

  app.post(
    "/cycles/:cycleId/refinements",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleParams, body: RefinementInput, response: { 201: RefinementList } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const cycle = await authorizedCycle(app.db, actor, request.params.cycleId, "cycle.contribute");
      await addRefinement(app.db, actorContextOf(request), cycle, request.body);
      return reply.code(201).send(presentRefinements(actor, cycle, await listRefinements(app.db, cycle.id)));
    },
  );
}
