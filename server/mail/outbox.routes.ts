import { IdParams } from "../../contract/common";
import { OutboxMessage, OutboxPage, OutboxQuery } from "../../contract/outbox";
import { notFound } from "../errors";
import { requireActor } from "../http/signed-in";
import { authorize } from "../policy/authorize";
import type { App } from "../types";
import { presentOutboxMessage } from "./outbox.present";
import { findOutboxMessage, listOutbox } from "./outbox.queries";

/** Email the platform sent on the district's behalf, for district leaders. */
export async function outboxRoutes(app: App) {
  app.get(
    "/outbox",
    { config: { policy: "outbox.read" }, schema: { querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "outbox.read", { districtId: actor.districtId });
      const { page, pageSize } = request.query;
      const { rows, total } = await listOutbox(app.db, actor.districtId, request.query);
      return { items: rows.map(presentOutboxMessage), total, page, pageSize };
    },
  );

  app.get(
    "/outbox/:id",
    { config: { policy: "outbox.read" }, schema: { params: IdParams, response: { 200: OutboxMessage } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await findOutboxMessage(app.db, request.params.id);
      if (!row || row.districtId === null) notFound("message");
      authorize(actor, "outbox.read", { districtId: row.districtId });
      return presentOutboxMessage(row);
    },
  );
}
