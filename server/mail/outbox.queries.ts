import { and, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox } from "../db/schema";

export type OutboxRow = typeof outbox.$inferSelect;

/** A page of the district's outbox, newest first, searched by address or subject, with how many match. */
export async function listOutbox(
  db: Db,
  districtId: string,
  options: { q?: string | undefined; page: number; pageSize: number },
) {
  const filters: SQL[] = [eq(outbox.districtId, districtId)];
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(outbox.toAddress, pattern), ilike(outbox.subject, pattern)) as SQL);
  }
  const where = and(...filters);
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** One outbox message, or undefined; the caller authorizes by its district. */
export async function findOutboxMessage(db: Db, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}
