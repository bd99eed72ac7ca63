import { nowMs } from "../clock";
import type { Actor } from "../policy/actor";

type Entry = { actor: Actor; expiresAt: number; cachedAt: number; touchedAt: number };

/** The most sessions kept; the oldest entry goes first when it is full. */
const MAX_ENTRIES = 5_000;
/** A backstop: an entry is trusted this long at most, even if an invalidation were somehow missed. */
const MAX_AGE_MS = 60_000;

/*
 * The signed-in person behind a session, kept in memory so a simple read costs no database round trip
 * (on PGlite, whose one connection a long report holds, that round trip is what made /me slow).
 * It is correct only because every change that could alter an actor empties it:
 * - this process's own writes: the app clears it after every state-changing request;
 * - other processes' writes on PostgreSQL: triggers (migration 0007) NOTIFY `collective_access`, and the app
 *   LISTENs; while that listener is down the cache is bypassed.
 * `generation` guards the race where a read started before a change and finishes after the clear.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private bypassed = false;
  generation = 0;

  get(tokenHash: string, now = nowMs()): Entry | undefined {
    if (this.bypassed) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now || now - entry.cachedAt > MAX_AGE_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** Keeps an actor read at `generation`, unless something was invalidated since. */
  set(tokenHash: string, generation: number, value: { actor: Actor; expiresAt: number; touchedAt: number }): void {
    if (this.bypassed || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { ...value, cachedAt: nowMs() });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** While invalidations from other processes cannot be heard, read every actor from the database. */
  setBypassed(bypassed: boolean): void {
    this.bypassed = bypassed;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
