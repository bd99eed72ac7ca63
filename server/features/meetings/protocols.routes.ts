import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { type Protocol, ProtocolInput, ProtocolList, Protocol as ProtocolSchema } from "../../../contract/meetings";
import { recordAudit } from "../../audit/record-audit";
import { protocols } from "../../db/schema";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { libraryProtocols, totalMinutes } from "./protocol-library";

const ProtocolParams = z.strictObject({ id: z.uuid(), protocolId: z.uuid() });

function presentCopy(row: typeof protocols.$inferSelect): Protocol {
  return {
    key: row.id,
    name: row.name,
    purpose: row.purpose,
    steps: row.steps,
    totalMinutes: totalMinutes(row.steps),
    basedOn: row.basedOn,
    communityId: row.communityId,
  };
}

/** The protocol library, and each community's own adapted copies. */
export async function protocolsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  app.get("/protocols", { config: { policy: "signed-in" }, schema: { response: { 200: ProtocolList } } }, async () => ({
    items: libraryProtocols(),
  }));

  app.get(
    "/communities/:id/protocols",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: ProtocolList } } },
    async (request) => {
      const community = await loadCommunity(request.params.id);
      authorize(requireActor(request), "community.read", community);
      const copies = await app.db
        .select()
        .from(protocols)
        .where(eq(protocols.communityId, community.id))
        .orderBy(sql`lower(${protocols.name})`);
      return { items: [...copies.map(presentCopy), ...libraryProtocols()] };
    },
  );

  app.post(
    "/communities/:id/protocols",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: ProtocolInput, response: { 201: ProtocolSchema } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const [row] = await app.db
        .insert(protocols)
        .values({
          ...request.body,
          districtId: community.districtId,
          communityId: community.id,
          createdById: actor.personId,
        })
        .returning();
      if (!row) throw new Error("protocol insert returned nothing");
      await recordAudit(app.db, request, { action: "protocol.created", subjectType: "protocol", subjectId: row.id });
      return reply.code(201).send(presentCopy(row));
    },
  );

  app.put(
    "/communities/:id/protocols/:protocolId",
    {
      config: { policy: "community.update" },
      schema: { params: ProtocolParams, body: ProtocolInput, response: { 200: ProtocolSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const [row] = await app.db
        .update(protocols)
        .set({ ...request.body, updatedAt: sql`now()` })
        .where(and(eq(protocols.id, request.params.protocolId), eq(protocols.communityId, community.id)))
        .returning();
      if (!row) notFound("protocol");
      await recordAudit(app.db, request, { action: "protocol.updated", subjectType: "protocol", subjectId: row.id });
      return presentCopy(row);
    },
  );
}
