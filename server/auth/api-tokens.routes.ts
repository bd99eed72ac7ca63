import { ApiTokenList, CreateApiTokenInput, CreatedApiToken } from "../../contract/api-tokens";
import { IdParams } from "../../contract/common";
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../errors";
import { requireActor } from "../http/signed-in";
import { authorize } from "../policy/authorize";
import type { App } from "../types";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

/** A staff member's own API tokens: list, make (the secret shown once), revoke. */
export async function apiTokensRoutes(app: App) {
  app.get(
    "/me/api-tokens",
    { config: { policy: "apiToken.manage" }, schema: { response: { 200: ApiTokenList } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "apiToken.manage", { districtId: actor.districtId });
      return { items: await listApiTokens(app.db, actor) };
    },
  );

  app.post(
    "/me/api-tokens",
    {
      config: { policy: "apiToken.manage" },
      schema: { body: CreateApiTokenInput, response: { 201: CreatedApiToken } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "apiToken.manage", { districtId: actor.districtId });
      const created = await createApiToken(app.db, actor, request.body);
      await recordAudit(app.db, request, {
        action: "api_token.created",
        subjectType: "api_token",
        subjectId: created.id,
        details: { name: created.name, scopes: created.scopes, expiresAt: created.expiresAt },
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    "/me/api-tokens/:id",
    { config: { policy: "apiToken.manage" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "apiToken.manage", { districtId: actor.districtId });
      if (!(await revokeApiToken(app.db, actor, request.params.id))) notFound("API token");
      await recordAudit(app.db, request, {
        action: "api_token.revoked",
        subjectType: "api_token",
        subjectId: request.params.id,
      });
      return reply.code(204).send();
    },
  );
}
