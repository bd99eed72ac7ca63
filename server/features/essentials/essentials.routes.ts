import { and, eq, sql } from "drizzle-orm";
import { IdParams, Ok } from "../../../contract/common";
import {
  EssentialStandard,
  EssentialStandardInput,
  EssentialStandardList,
  EssentialStandardPatch,
} from "../../../contract/essentials";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { courses, essentialStandards, standards } from "../../db/schema";
import { conflict, invalid } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import type { App } from "../../types";
import { followScaleChange } from "../assessments/sync-targets";
import { essentialsAbilities, presentEssentialStandard } from "./essentials.present";
import { hasAssessedTargets, listEssentialStandards, requireEssentialStandard } from "./essentials.queries";
import { requireEssentialsCommunity } from "./essentials-access";
import { learningTargetsRoutes } from "./learning-targets.routes";

const numbered = (levels: { label: string; descriptor: string }[]) =>
  levels.map((level, index) => ({ level: index + 1, label: level.label, descriptor: level.descriptor }));

async function checkReferences(db: Db, actor: Actor, fields: { standardId?: string; courseId?: string | null }) {
  const problems: { pointer: string; detail: string }[] = [];
  if (fields.standardId) {
    const [standard] = await db
      .select({ id: standards.id })
      .from(standards)
      .where(and(eq(standards.id, fields.standardId), eq(standards.districtId, actor.districtId)));
    if (!standard)
      problems.push({ pointer: "/body/standardId", detail: "No such standard in the district's frameworks." });
  }
  if (fields.courseId) {
    const [course] = await db
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, fields.courseId), eq(courses.districtId, actor.districtId)));
    if (!course) problems.push({ pointer: "/body/courseId", detail: "No such course in this district." });
  }
  if (problems.length) invalid("Some choices are not valid.", problems);
}

async function isAlreadyEssential(db: Db, communityId: string, standardId: string, unitTitle: string, except?: string) {
  const result = await db.execute<{ taken: boolean }>(sql`
    select exists (select 1 from essential_standards where community_id = ${communityId}
      and standard_id = ${standardId} and coalesce(unit_title, '') = ${unitTitle}
      and id <> ${except ?? "00000000-0000-0000-0000-000000000000"}) as taken`);
  return result.rows[0]?.taken === true;
}

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
      const { scaleLevels, ...fields } = request.body;
      await checkReferences(app.db, actor, fields);
      if (await isAlreadyEssential(app.db, community.id, fields.standardId, fields.unitTitle)) {
        conflict("This standard is already essential for this unit.", [
          { pointer: "/body/standardId", detail: "Already essential for this unit." },
        ]);
      }
      const id = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(essentialStandards)
          .values({
            ...fields,
            scaleLevels: numbered(scaleLevels),
            districtId: actor.districtId,
            communityId: community.id,
            createdById: actor.personId,
            position: sql`(select coalesce(max(position) + 1, 0) from essential_standards
              where community_id = ${community.id})`,
          })
          .returning({ id: essentialStandards.id });
        if (!row) throw new Error("essential standard insert returned nothing");
        await recordAudit(tx, request, {
          action: "essential_standard.created",
          subjectType: "essential_standard",
          subjectId: row.id,
          details: { communityId: community.id, standardId: fields.standardId, unitTitle: fields.unitTitle },
        });
        return row.id;
      });
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
      await checkReferences(app.db, actor, fields);
      const unitTitle = fields.unitTitle ?? current.unitTitle;
      if (await isAlreadyEssential(app.db, community.id, current.standard.id, unitTitle, current.id)) {
        conflict("This standard is already essential for that unit.", [
          { pointer: "/body/unitTitle", detail: "The standard is already essential for a unit of this name." },
        ]);
      }
      const isScaleChange = levelCount !== current.scaleLevels.length || proficientLevel !== current.proficientLevel;
      await app.db.transaction(async (tx) => {
        await tx
          .update(essentialStandards)
          .set({ ...fields, ...(scaleLevels ? { scaleLevels: numbered(scaleLevels) } : {}), updatedAt: sql`now()` })
          .where(eq(essentialStandards.id, current.id));
        const { following, closedKept } = isScaleChange
          ? await followScaleChange(tx, current.id)
          : { following: 0, closedKept: 0 };
        await recordAudit(tx, request, {
          action: "essential_standard.updated",
          subjectType: "essential_standard",
          subjectId: current.id,
          details: {
            fields: Object.keys(request.body),
            assessmentsFollowing: following,
            closedAssessmentsKept: closedKept,
          },
        });
      });
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
      await app.db.transaction(async (tx) => {
        await tx.delete(essentialStandards).where(eq(essentialStandards.id, current.id));
        await recordAudit(tx, request, {
          action: "essential_standard.deleted",
          subjectType: "essential_standard",
          subjectId: current.id,
          details: { communityId: current.communityId, standardId: current.standard.id, unitTitle: current.unitTitle },
        });
      });
      return { ok: true as const };
    },
  );

  await app.register(learningTargetsRoutes);
}
