import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ActionItemInput, ActionItemPatch } from "../../../contract/meetings";
import type { ActorContext, AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { actionItems, communityMembers, meetings } from "../../db/schema";
import { invalid } from "../../errors";

type Community = { id: string; districtId: string };

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

/** Adds an action item to a community, owned by a member and made in one of its meetings (if given); returns its id. */
export async function createActionItem(
  db: Db,
  context: ActorContext,
  community: Community,
  input: z.infer<typeof ActionItemInput>,
): Promise<string> {
  await requireMember(db, community.id, input.ownerId, "/body/ownerId");
  if (input.meetingId) {
    const [meeting] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.communityId, community.id)));
    if (!meeting)
      invalid("No such meeting in this community.", [{ pointer: "/body/meetingId", detail: "Unknown meeting." }]);
  }
  const [row] = await db
    .insert(actionItems)
    .values({
      ...input,
      districtId: community.districtId,
      communityId: community.id,
      createdById: context.actor.personId,
    })
    .returning({ id: actionItems.id });
  if (!row) throw new Error("action item insert returned nothing");
  await recordAudit(db, context, { action: "action_item.created", subjectType: "action_item", subjectId: row.id });
  return row.id;
}

/** Changes an action item; marking it done (or open again) sets (or clears) when it was completed. */
export async function updateActionItem(
  db: Db,
  context: AuditContext,
  item: { id: string; communityId: string },
  patch: z.infer<typeof ActionItemPatch>,
): Promise<void> {
  await requireMember(db, item.communityId, patch.ownerId, "/body/ownerId");
  const completedAt = patch.status === undefined ? {} : { completedAt: patch.status === "done" ? sql`now()` : null };
  await db
    .update(actionItems)
    .set({ ...patch, ...completedAt })
    .where(eq(actionItems.id, item.id));
  await recordAudit(db, context, {
    action: "action_item.updated",
    subjectType: "action_item",
    subjectId: item.id,
    details: { fields: Object.keys(patch) },
  });
}
