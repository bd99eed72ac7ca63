import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { ActionItem, ActionItemInput, ActionItemPatch } from "../../../contract/meetings";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import type { Db } from "../../db/client";
import { actionItems, communityMembers, meetings } from "../../db/schema";
import { invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { listActionItems } from "./meetings.queries";

const ActionItemsQuery = z.strictObject({ status: z.enum(["open", "done", "all"]).default("open") });
const ActionItemList = z.object({ items: z.array(ActionItem) });

async function requireMember(db: Db, communityId: string, personId: string | null | undefined, pointer: string) {
  if (!personId) return;
  const [member] = await db
    .select({ id: communityMembers.id })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, personId)));
  if (!member)
    invalid("The owner must be a member of the community.", [
      { pointer, detail: "Choose a member of this community." },
    ]);
}

/** A community's action items: made in meetings, owned by a member, carried until done. */
export async function actionItemsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  async function present(actor: Actor, id: string) {
    const [item] = await listActionItems(app.db, sql`a.id = ${id}`, todayIn(actor.timeZone));
    return item ?? notFound("action item");
  }

  app.get(
    "/communities/:id/action-items",
    {
      config: { policy: "community.read" },
      schema: { params: IdParams, querystring: ActionItemsQuery, response: { 200: ActionItemList } },
    },
    async (request) => {
      const community = await loadCommunity(request.params.id);
      authorize(requireActor(request), "community.read", community);
      const status = request.query.status === "all" ? sql`` : sql`and a.status = ${request.query.status}`;
      return {
        items: await listActionItems(
          app.db,
          sql`a.community_id = ${community.id} ${status}`,
          todayIn(requireActor(request).timeZone),
        ),
      };
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
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.contribute", community);
      await requireMember(app.db, community.id, request.body.ownerId, "/body/ownerId");
      if (request.body.meetingId) {
        const [meeting] = await app.db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.id, request.body.meetingId), eq(meetings.communityId, community.id)));
        if (!meeting)
          invalid("No such meeting in this community.", [{ pointer: "/body/meetingId", detail: "Unknown meeting." }]);
      }
      const [row] = await app.db
        .insert(actionItems)
        .values({
          ...request.body,
          districtId: community.districtId,
          communityId: community.id,
          createdById: actor.personId,
        })
        .returning({ id: actionItems.id });
      if (!row) throw new Error("action item insert returned nothing");
      await recordAudit(app.db, request, {
        action: "action_item.created",
        subjectType: "action_item",
        subjectId: row.id,
      });
      return reply.code(201).send(await present(requireActor(request), row.id));
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
      const [item] = await app.db.select().from(actionItems).where(eq(actionItems.id, request.params.id));
      if (!item) notFound("action item");
      const community = await loadCommunity(item.communityId);
      // The owner may always mark their own item done, even as a guest.
      if (item.ownerId !== actor.personId || Object.keys(request.body).some((k) => k !== "status")) {
        authorize(actor, "community.contribute", community);
      } else {
        authorize(actor, "community.participate", community);
      }
      await requireMember(app.db, community.id, request.body.ownerId, "/body/ownerId");
      const completedAt =
        request.body.status === undefined ? {} : { completedAt: request.body.status === "done" ? sql`now()` : null };
      await app.db
        .update(actionItems)
        .set({ ...request.body, ...completedAt })
        .where(eq(actionItems.id, item.id));
      await recordAudit(app.db, request, {
        action: "action_item.updated",
        subjectType: "action_item",
        subjectId: item.id,
        details: { fields: Object.keys(request.body) },
      });
      return present(requireActor(request), item.id);
    },
  );
}
