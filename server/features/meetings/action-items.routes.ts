import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { ActionItem, ActionItemInput, ActionItemPatch } from "../../../contract/meetings";
import { todayIn } from "../../clock";
import { notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { createActionItem, updateActionItem } from "./action-item-commands";
import { findActionItem, listActionItems } from "./meetings.queries";

const ActionItemsQuery = z.strictObject({ status: z.enum(["open", "done", "all"]).default("open") });
const ActionItemList = z.object({ items: z.array(ActionItem) });

/** A community's action items: made in meetings, owned by a member, carried until done. */
export async function actionItemsRoutes(app: App) {
  async function present(actor: Actor, id: string) {
    const [item] = await listActionItems(app.db, { id }, todayIn(actor.timeZone));
    return item ?? notFound("action item");
  }

  app.get(
    "/communities/:id/action-items",
    {
      config: { policy: "community.read" },
      schema: { params: IdParams, querystring: ActionItemsQuery, response: { 200: ActionItemList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.read", community);
      const filter = { communityId: community.id, status: request.query.status };
      return { items: await listActionItems(app.db, filter, todayIn(actor.timeZone)) };
    },
  );

  app.post(
    "/communities/:id/action-items",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: ActionItemInput, response: { 201: ActionItem } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.contribute", community);
      const id = await createActionItem(app.db, actorContextOf(request), community, request.body);
      return reply.code(201).send(await present(actor, id));
    },
  );

  app.patch(
    "/action-items/:id",
    {
      config: { policy: "community.contribute" },
      schema: { params: IdParams, body: ActionItemPatch, response: { 200: ActionItem } },
    },
    async (request) => {
      const actor = requireActor(request);
      const item = (await findActionItem(app.db, request.params.id)) ?? notFound("action item");
      const community = await requireCommunity(app.db, item.communityId);
      // The owner may always mark their own item done, even as a guest.
      if (item.ownerId !== actor.personId || Object.keys(request.body).some((k) => k !== "status")) {
        authorize(actor, "community.contribute", community);
      } else {
        authorize(actor, "community.participate", community);
      }
      await updateActionItem(app.db, auditContextOf(request), item, request.body);
      return present(actor, item.id);
    },
  );
}
