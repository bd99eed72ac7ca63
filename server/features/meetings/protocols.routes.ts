import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { ProtocolInput, ProtocolList, Protocol as ProtocolSchema } from "../../../contract/meetings";
import { notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { createProtocol, listCommunityProtocols, updateProtocol } from "./protocol-copies";
import { libraryProtocols } from "./protocol-library";
import { presentProtocolCopy } from "./protocols.present";

const ProtocolParams = z.strictObject({ id: z.uuid(), protocolId: z.uuid() });

/** The protocol library, and each community's own adapted copies. */
export async function protocolsRoutes(app: App) {
  app.get("/protocols", { config: { policy: "signed-in" }, schema: { response: { 200: ProtocolList } } }, async () => ({
    items: libraryProtocols(),
  }));

  app.get(
    "/communities/:id/protocols",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: ProtocolList } } },
    async (request) => {
      const community = await requireCommunity(app.db, request.params.id);
      authorize(requireActor(request), "community.read", community);
      const copies = await listCommunityProtocols(app.db, community.id);
      return { items: [...copies.map(presentProtocolCopy), ...libraryProtocols()] };
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
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const row = await createProtocol(app.db, actorContextOf(request), community, request.body);
      return reply.code(201).send(presentProtocolCopy(row));
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
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const input = request.body;
      const row =
        (await updateProtocol(app.db, auditContextOf(request), community, request.params.protocolId, input)) ??
        notFound("protocol");
      return presentProtocolCopy(row);
    },
  );
}
