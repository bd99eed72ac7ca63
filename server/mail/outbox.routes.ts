import { and, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { IdParams } from "../../contract/common";
import { OutboxMessage, OutboxPage, OutboxQuery } from "../../contract/outbox";
import { outbox } from "../db/schema";
import { notFound } from "../errors";
import { requireActor } from "../http/signed-in";
import { authorize } from "../policy/authorize";
import type { App } from "../types";
import { redactSecrets } from "./send-mail";

function presentMessage(row: typeof outbox.$inferSelect) {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    textBody: redactSecrets(row.textBody),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Email the platform sent on the district's behalf, for district leaders. */
export async function outboxRoutes(app: App) {
  app.get(
    "/outbox",
    { config: { policy: "outbox.read" }, schema: { querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "outbox.read", { districtId: actor.districtId });
      const { q, page, pageSize } = request.query;
      const filters: SQL[] = [eq(outbox.districtId, actor.districtId)];
      if (q) {
        const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(or(ilike(outbox.toAddress, pattern), ilike(outbox.subject, pattern)) as SQL);
      }
      const where = and(...filters);
      const [rows, count] = await Promise.all([
        app.db
          .select()
          .from(outbox)
          .where(where)
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        app.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where),
      ]);
      return { items: rows.map(presentMessage), total: count[0]?.n ?? 0, page, pageSize };
    },
  );

  app.get(
    "/outbox/:id",
    { config: { policy: "outbox.read" }, schema: { params: IdParams, response: { 200: OutboxMessage } } },
    async (request) => {
      const actor = requireActor(request);
      const [row] = await app.db.select().from(outbox).where(eq(outbox.id, request.params.id));
      if (!row || row.districtId === null) notFound("message");
      authorize(actor, "outbox.read", { districtId: row.districtId });
      return presentMessage(row);
    },
  );
}
