import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client";
import type { ActorCache } from "./actor-cache";

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const RETRY_MS = 1_000;

/**
 * Empties the actor cache whenever an actor may have changed: after this process's own state-changing
 * requests (when the handler has answered, and again when a streamed answer ends), and on PostgreSQL when
 * another process's change is announced on `collective_access` (migration 0007). Without that channel the
 * cache is bypassed, so a lost connection can only cost speed, never correctness.
 */
export async function keepActorCacheCurrent(app: FastifyInstance, database: Database, cache: ActorCache) {
  app.addHook("onSend", async (request, _reply, payload) => {
    if (!READ_ONLY_METHODS.has(request.method)) cache.clear();
    return payload;
  });
  app.addHook("onResponse", async (request) => {
    if (!READ_ONLY_METHODS.has(request.method)) cache.clear();
  });
  // PGlite lives inside this process, so every change to it is one of this process's own requests.
  if (database.kind !== "postgres") return;

  const listen = database.listen;
  cache.setBypassed(true);
  if (!listen) return;
  let stop: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const lost = () => {
    cache.setBypassed(true);
    stop = undefined;
    if (!closed && !retry) retry = setTimeout(connect, RETRY_MS).unref();
  };
  async function connect() {
    retry = undefined;
    try {
      stop = await listen?.("collective_access", () => cache.clear(), lost);
      if (closed) await stop?.();
      else cache.setBypassed(false);
    } catch (error) {
      app.log.warn({ err: error }, "cannot listen for access changes; reading every session from the database");
      lost();
    }
  }
  await connect();
  app.addHook("onClose", async () => {
    closed = true;
    clearTimeout(retry);
    await stop?.();
  });
}
