import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  CheckinInput,
  CheckinList,
  CheckinResponseInput,
  NormHistory,
  NormsInput,
} from "../../../contract/communities";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import { normAgreements, normCheckinResponses, normCheckins, normRatings, normVersions } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "./communities.queries";
import { listCheckins, listNormVersions } from "./norms.queries";

const CheckinParams = z.strictObject({ id: z.uuid(), checkinId: z.uuid() });

/** A team's norms of collaboration: versioned, agreed by every member, and checked in on anonymously. */
export async function normsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  async function history(communityId: string) {
    const versions = await listNormVersions(app.db, communityId);
    return { current: versions[0] ?? null, versions };
  }

  app.get(
    "/communities/:id/norms",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: NormHistory } } },
    async (request) => {
      const community = await loadCommunity(request.params.id);
      authorize(request.actor as Actor, "community.read", community);
      return history(community.id);
    },
  );

  app.put(
    "/communities/:id/norms",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: NormsInput, response: { 200: NormHistory } },
    },
    async (request) => {
      const actor = request.actor as Actor;
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      await app.db.transaction(async (tx) => {
        const [latest] = await tx
          .select({ version: sql<number>`coalesce(max(${normVersions.version}), 0)::int` })
          .from(normVersions)
          .where(eq(normVersions.communityId, community.id));
        const version = (latest?.version ?? 0) + 1;
        const [row] = await tx
          .insert(normVersions)
          .values({
            districtId: community.districtId,
            communityId: community.id,
            version,
            norms: request.body.norms,
            changeNote: request.body.changeNote,
            createdById: actor.personId,
          })
          .returning({ id: normVersions.id });
        await recordAudit(tx, request, {
          action: "community.norms_changed",
          subjectType: "community",
          subjectId: community.id,
          details: { version, normVersionId: row?.id },
        });
      });
      return history(community.id);
    },
  );

  app.post(
    "/communities/:id/norms/agree",
    { config: { policy: "community.participate" }, schema: { params: IdParams, response: { 200: NormHistory } } },
    async (request) => {
      const actor = request.actor as Actor;
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.participate", community);
      const [current] = await listNormVersions(app.db, community.id, 1);
      if (!current) invalid("This community has not written its norms yet.");
      await app.db
        .insert(normAgreements)
        .values({ districtId: community.districtId, normVersionId: current.id, personId: actor.personId })
        .onConflictDoNothing();
      await recordAudit(app.db, request, {
        action: "community.norms_agreed",
        subjectType: "community",
        subjectId: community.id,
        details: { version: current.version },
      });
      return history(community.id);
    },
  );

  app.get(
    "/communities/:id/checkins",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: CheckinList } } },
    async (request) => {
      const actor = request.actor as Actor;
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.read", community);
      return { items: await listCheckins(app.db, community.id, actor.personId, todayIn(actor.timeZone)) };
    },
  );

  app.post(
    "/communities/:id/checkins",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: CheckinInput, response: { 201: CheckinList } },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      if (request.body.closesOn < request.body.opensOn) {
        invalid("The check-in must close on or after the day it opens.", [
          { pointer: "/body/closesOn", detail: "Choose a date on or after the opening date." },
        ]);
      }
      const [current] = await listNormVersions(app.db, community.id, 1);
      if (!current) invalid("Write the team's norms before scheduling a check-in.");
      await app.db.insert(normCheckins).values({
        districtId: community.districtId,
        communityId: community.id,
        normVersionId: current.id,
        opensOn: request.body.opensOn,
        closesOn: request.body.closesOn,
      });
      await recordAudit(app.db, request, {
        action: "community.checkin_scheduled",
        subjectType: "community",
        subjectId: community.id,
      });
      return reply
        .code(201)
        .send({ items: await listCheckins(app.db, community.id, actor.personId, todayIn(actor.timeZone)) });
    },
  );

  app.post(
    "/communities/:id/checkins/:checkinId/responses",
    {
      config: { policy: "community.participate" },
      schema: { params: CheckinParams, body: CheckinResponseInput, response: { 201: CheckinList } },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.participate", community);
      const checkin =
        (await listCheckins(app.db, community.id, actor.personId, todayIn(actor.timeZone))).find(
          (c) => c.id === request.params.checkinId,
        ) ?? notFound("check-in");
      if (!checkin.isOpen) invalid("This check-in is not open.");
      if (request.body.ratings.length !== checkin.norms.length) {
        invalid(`Rate each of the ${checkin.norms.length} norms.`, [
          { pointer: "/body/ratings", detail: `Give ${checkin.norms.length} ratings, one per norm.` },
        ]);
      }
      await app.db.transaction(async (tx) => {
        const responded = await tx
          .insert(normCheckinResponses)
          .values({ districtId: community.districtId, checkinId: checkin.id, personId: actor.personId })
          .onConflictDoNothing()
          .returning({ checkinId: normCheckinResponses.checkinId });
        if (!responded.length) conflict("You have already responded to this check-in.");
        // The ratings carry no person: who responded and what they said are kept apart.
        await tx.insert(normRatings).values(
          request.body.ratings.map((rating, normIndex) => ({
            districtId: community.districtId,
            checkinId: checkin.id,
            normIndex,
            rating,
          })),
        );
      });
      return reply
        .code(201)
        .send({ items: await listCheckins(app.db, community.id, actor.personId, todayIn(actor.timeZone)) });
    },
  );
}
