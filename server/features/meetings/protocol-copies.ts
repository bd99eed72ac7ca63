import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ProtocolInput } from "../../../contract/meetings";
import type { ActorContext, AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { protocols } from "../../db/schema";

type Community = { id: string; districtId: string };
type Input = z.infer<typeof ProtocolInput>;

/** A community's own protocols, by name. */
export async function listCommunityProtocols(db: Db, communityId: string) {
  return db
    .select()
    .from(protocols)
    .where(eq(protocols.communityId, communityId))
    .orderBy(sql`lower(${protocols.name})`);
}

/** Saves a community's own copy of a protocol (adapted from the library or written from scratch). */
export async function createProtocol(db: Db, context: ActorContext, community: Community, input: Input) {
  const [row] = await db
    .insert(protocols)
    .values({
      ...input,
      districtId: community.districtId,
      communityId: community.id,
      createdById: context.actor.personId,
    })
    .returning();
  if (!row) throw new Error("protocol insert returned nothing");
  await recordAudit(db, context, { action: "protocol.created", subjectType: "protocol", subjectId: row.id });
  return row;
}

/** Rewrites one of the community's protocols; undefined when the community has no such protocol. */
export async function updateProtocol(
  db: Db,
  context: AuditContext,
  community: Community,
  protocolId: string,
  input: Input,
) {
  const [row] = await db
    .update(protocols)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(eq(protocols.id, protocolId), eq(protocols.communityId, community.id)))
    .returning();
  if (row) await recordAudit(db, context, { action: "protocol.updated", subjectType: "protocol", subjectId: row.id });
  return row;
}
