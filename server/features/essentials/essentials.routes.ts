import { IdParams, Ok } from "../../../contract/common";
import {
  EssentialStandard,
  EssentialStandardInput,
  EssentialStandardList,
  EssentialStandardPatch,
} from "../../../contract/essentials";
import { conflict, invalid } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { checkReferences } from "./check-references";
import { createEssentialStandard } from "./create-essential-standard";
import { deleteEssentialStandard } from "./delete-essential-standard";
import { essentialsAbilities, presentEssentialStandard } from "./essentials.present";
import {
  hasAssessedTargets,
  isAlreadyEssential,
  listEssentialStandards,
  requireEssentialStandard,
} from "./essentials.queries";
import { requireEssentialsCommunity } from "./essentials-access";
import { learningTargetsRoutes } from "./learning-targets.routes";
import { updateEssentialStandard } from "./update-essential-standard";

/** A team's essential standards: what it wants each student to learn, unit by unit, with its scales. */
export async function essentialsRoutes(app: App) {
  app.get(
    "/communities/:id/essential-standards",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: EssentialStandardList } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireEssentialsCommunity(app.db, actor, request.params.id, false);
      const can = essentialsAbilities(actor, community);
      const rows = await listEssentialStandards(app.db, community.id);
      return { items: rows.map((row) => presentEssentialStandard(row, can)), can };
    },
  );

  app.post(
    "/communities/:id/essential-standards",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: EssentialStandardInput, response: { 201: EssentialStandard } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireEssentialsCommunity(app.db, actor, request.params.id, true);
      const { standardId, unitTitle } = request.body;
      await checkReferences(app.db, actor.districtId, request.body);
      if (await isAlreadyEssential(app.db, { communityId: community.id, standardId, unitTitle })) {
        conflict("This standard is already essential for this unit.", [
          { pointer: "/body/standardId", detail: "Already essential for this unit." },
        ]);
      }
      const id = await createEssentialStandard(app.db, actorContextOf(request), community.id, request.body);
      const row = await requireEssentialStandard(app.db, id);
      return reply.code(201).send(presentEssentialStandard(row, essentialsAbilities(actor, community)));
    },
  );

  app.get(
    "/essential-standards/:id",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: EssentialStandard } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireEssentialStandard(app.db, request.params.id);
      const community = await requireEssentialsCommunity(app.db, actor, row.communityId, false);
      return presentEssentialStandard(row, essentialsAbilities(actor, community));
    },
  );

  app.patch(
    "/essential-standards/:id",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: EssentialStandardPatch, response: { 200: EssentialStandard } },
    },
    async (request) => {
      const actor = requireActor(request);
      const current = await requireEssentialStandard(app.db, request.params.id);
      const community = await requireEssentialsCommunity(app.db, actor, current.communityId, true);
      const { scaleLevels, ...fields } = request.body;
      const levelCount = scaleLevels?.length ?? current.scaleLevels.length;
      const proficientLevel = fields.proficientLevel ?? current.proficientLevel;
      if (proficientLevel > levelCount) {
        invalid("The proficient level is not on the scale.", [
          { pointer: "/body/proficientLevel", detail: `Choose a level from 1 to ${levelCount}.` },
        ]);
      }
      await checkReferences(app.db, actor.districtId, fields);
      const unitTitle = fields.unitTitle ?? current.unitTitle;
      const essential = { communityId: community.id, standardId: current.standard.id, unitTitle, exceptId: current.id };
      if (await isAlreadyEssential(app.db, essential)) {
        conflict("This standard is already essential for that unit.", [
          { pointer: "/body/unitTitle", detail: "The standard is already essential for a unit of this name." },
        ]);
      }
      const isScaleChange = levelCount !== current.scaleLevels.length || proficientLevel !== current.proficientLevel;
      await updateEssentialStandard(app.db, actorContextOf(request), current, request.body, isScaleChange);
      const row = await requireEssentialStandard(app.db, current.id);
      return presentEssentialStandard(row, essentialsAbilities(actor, community));
    },
  );

  app.delete(
    "/essential-standards/:id",
    { config: { policy: "target.manage" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const current = await requireEssentialStandard(app.db, request.params.id);
      await requireEssentialsCommunity(app.db, actor, current.communityId, true);
      if (await hasAssessedTargets(app.db, current.id)) {
        conflict("An assessment measures some of this standard's learning targets; remove them from it first.");
      }
      await deleteEssentialStandard(app.db, actorContextOf(request), current);
      return { ok: true as const };
    },
  );

  await app.register(learningTargetsRoutes);
}
