import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { people } from "../db/schema";

/** Stores a person's new password hash (the caller revokes sessions and records the audit entry). */
export async function setPasswordHash(db: Db, personId: string, passwordHash: string): Promise<void> {
  await db.update(people).set({ passwordHash, updatedAt: sql`now()` }).where(eq(people.id, personId));
}
