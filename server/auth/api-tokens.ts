import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { ApiToken, CreateApiTokenInput, CreatedApiToken, TokenScope } from "../../contract/api-tokens";
import { nowMs } from "../clock";
import type { Db } from "../db/client";
import { apiTokens } from "../db/schema";
import type { Actor } from "../policy/actor";
import { actorFromRow, PERSON_ACTOR_COLUMNS, type PersonActorRow } from "./actor-row";
import { hashToken, newToken } from "./tokens";

/** Every API token starts with this, so a leaked one is easy to recognise (and to scan for in code). */
export const API_TOKEN_PREFIX = "clv_";

type TokenRow = typeof apiTokens.$inferSelect;

function presentToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as TokenScope[],
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Makes a token for the actor; the secret is in the answer and nowhere else (only its hash is stored). */
export async function createApiToken(db: Db, actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      tokenHash: hashToken(token),
      districtId: actor.districtId,
      personId: actor.personId,
      name: input.name,
      scopes: [...input.scopes],
      expiresAt: new Date(nowMs() + input.expiresInDays * 86_400_000),
    })
    .returning();
  if (!row) throw new Error("the token was not stored");
  return { ...presentToken(row), token };
}

/** The actor's own tokens, newest first, revoked and expired ones included (they say so). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.personId, actor.personId))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
  return rows.map(presentToken);
}

/** Revokes one of the actor's own tokens; false when they have no such live token. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.personId, actor.personId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

type TokenActorRow = PersonActorRow & { token_id: string; scopes: string[]; stale: boolean };

/**
 * The actor behind a bearer token: its person as a session would load them, with the token's scopes; null when
 * the token is unknown, expired or revoked, or its person is no longer active.
 */
export async function findActorByApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  // Expiry and "last used" are the app's clock's times (as it set them), so they are compared with its clock.
  const at = new Date(nowMs()).toISOString();
  const result = await db.execute<TokenActorRow>(sql`
    select t.id as token_id, t.scopes,
           coalesce(t.last_used_at < ${at}::timestamptz - interval '5 minutes', true) as stale,
           ${sql.raw(PERSON_ACTOR_COLUMNS)}
      from api_tokens t join people p on p.id = t.person_id join districts d on d.id = p.district_id
     where t.token_hash = ${hashToken(token)} and t.revoked_at is null and t.expires_at > ${at}::timestamptz
       and p.status = 'active'`);
  const row = result.rows[0];
  if (!row) return null;
  // As with sessions, "last used" is kept to the nearest five minutes rather than written on every request.
  if (row.stale)
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(at) })
      .where(eq(apiTokens.id, row.token_id));
  return { ...actorFromRow(row, row.token_id), apiToken: { id: row.token_id, scopes: row.scopes as TokenScope[] } };
}
