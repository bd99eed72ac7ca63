import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { nowMs } from "../clock";
import type { Db } from "../db/client";
import { accountTokens } from "../db/schema";
import { hashToken, newToken } from "./tokens";

type Purpose = "invite" | "password_reset";

const LIFETIME_HOURS: Record<Purpose, number> = { invite: 24 * 7, password_reset: 1 };

/** Issues a single-use link token; earlier unused tokens of the same purpose for this person stop working. */
export async function issueAccountToken(
  db: Db,
  purpose: Purpose,
  person: { id: string; districtId: string },
  createdById: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(nowMs() + LIFETIME_HOURS[purpose] * 3_600_000);
  await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(eq(accountTokens.personId, person.id), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)),
    );
  await db.insert(accountTokens).values({
    tokenHash: hashToken(token),
    purpose,
    personId: person.id,
    districtId: person.districtId,
    createdById,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live (unused, unexpired) token row for a link, or undefined. */
export async function findLiveAccountToken(db: Db, purpose: Purpose, token: string) {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Marks a token used; false if another request used it first. */
export async function useAccountToken(db: Db, id: string): Promise<boolean> {
  const used = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return used.length > 0;
}
