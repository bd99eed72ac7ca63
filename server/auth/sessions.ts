import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Pool, PoolClient } from "pg";
import { nowMs } from "../clock";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import type { Actor } from "../policy/actor";
import type { ActorCache } from "./actor-cache";
import { actorFromRow, PERSON_ACTOR_COLUMNS, type PersonActorRow } from "./actor-row";
import { hashToken, newToken } from "./tokens";

export const SESSION_COOKIE = "collective_session";

/** Starts a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  person: { id: string; districtId: string },
  context: { ip: string; userAgent: string | undefined; hours: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(nowMs() + context.hours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId: person.id,
    districtId: person.districtId,
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 400) ?? null,
    expiresAt,
  });
  return { token, expiresAt };
}

type ActorRow = PersonActorRow & { session_id: string; stale: boolean; expires_ms: number };

// The hottest query of the app (every signed-in request): a named statement, planned once per connection.
// Each connection gets its own statement name because PGlite keeps one backend session across socket
// connections, so a reconnected client must not prepare a name the previous one already prepared.
const statementNames = new WeakMap<PoolClient, string>();
let statementCount = 0;
const ACTOR_BY_TOKEN = {
  text: `
    select s.id as session_id, s.last_seen_at < now() - interval '5 minutes' as stale,
           (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms, ${PERSON_ACTOR_COLUMNS}
      from sessions s join people p on p.id = s.person_id join districts d on d.id = p.district_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and p.status = 'active'`,
};

const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * The actor behind a session cookie, in one query (or none, from the cache); null when the session is unknown,
 * expired or revoked.
 */
export async function findActorBySessionToken(
  db: Db,
  pool: Pool,
  token: string,
  cache?: ActorCache,
): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash);
  if (cached) {
    if (nowMs() - cached.touchedAt > TOUCH_EVERY_MS) {
      cached.touchedAt = nowMs();
      await touchSession(db, cached.actor.sessionId);
    }
    return cached.actor;
  }
  const generation = cache?.generation ?? 0;
  const row = await queryActorRow(pool, tokenHash);
  if (!row) return null;
  // Touching last_seen on every request would turn each read into a write; five minutes is precise enough.
  if (row.stale) await touchSession(db, row.session_id);
  const actor = actorFromRow(row, row.session_id);
  cache?.set(tokenHash, generation, { actor, expiresAt: row.expires_ms, touchedAt: nowMs() });
  return actor;
}

async function queryActorRow(pool: Pool, tokenHash: string): Promise<ActorRow | undefined> {
  const client = await pool.connect();
  try {
    let name = statementNames.get(client);
    if (!name) {
      name = `actor_by_session_token_${++statementCount}`;
      statementNames.set(client, name);
    }
    const result = await client.query<ActorRow>({ name, text: ACTOR_BY_TOKEN.text, values: [tokenHash] });
    return result.rows[0];
  } finally {
    client.release();
  }
}

async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/** A person's live sessions (not revoked, not expired), most recently used first. */
export async function listLiveSessions(db: Db, personId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
}

/** Revokes one session of a person (their own); false when there was no such live session. */
export async function revokeSession(db: Db, personId: string, sessionId: string): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Revokes every live session of a person except, optionally, one to keep. */
export async function revokeAllSessions(db: Db, personId: string, keepSessionId?: string): Promise<number> {
  const conditions = [eq(sessions.personId, personId), isNull(sessions.revokedAt)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Revokes the session a cookie names, whoever it belongs to (used on sign-in rotation and sign-out). */
export async function revokeSessionByToken(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
}
