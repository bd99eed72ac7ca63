import { sql } from "drizzle-orm";
import type { Db } from "./client";

/** One round trip to the database: throws if it does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
