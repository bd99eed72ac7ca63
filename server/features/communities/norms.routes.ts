import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  CheckinInput,
  CheckinList,
  CheckinResponseInput,
  NormHistory,
  NormsInput,
} from "../../../contract/communities";
import { todayIn } from "../../clock";
import { invalid, notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "./communities.queries";
import { agreeToNorms, respondToCheckin, saveNorms, scheduleCheckin } from "./norm-commands";
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
      authorize(requireActor(request), "community.read", community);
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
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      await saveNorms(app.db, actorContextOf(request), community, request.body);
      return history(community.id);
    },
  );

  app.post(
    "/communities/:id/norms/agree",
    { config: { policy: "community.participate" }, schema: { params: IdParams, response: { 200: NormHistory } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.participate", community);
      const [current] = await listNormVersions(app.db, community.id, 1);
      if (!current) invalid("This community has not written its norms yet.");
      await agreeToNorms(app.db, actorContextOf(request), community, current);
      return history(community.id);
    },
  );

  app.get(
    "/communities/:id/checkins",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: CheckinList } } },
    async (request) => {
      const actor = requireActor(request);
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
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      if (request.body.closesOn < request.body.opensOn) {
        invalid("The check-in must close on or after the day it opens.", [
          { pointer: "/body/closesOn", detail: "Choose a date on or after the opening date." },
        ]);
      }
      const [current] = await listNormVersions(app.db, community.id, 1);
      if (!current) invalid("Write the team's norms before scheduling a check-in.");
      await scheduleCheckin(app.db, auditContextOf(request), community, current.id, request.body);
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
      const actor = requireActor(request);
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
      await respondToCheckin(app.db, actor, community, checkin.id, request.body.ratings);
      return reply
        .code(201)
        .send({ items: await listCheckins(app.db, community.id, actor.personId, todayIn(actor.timeZone)) });
    },
  );
}
