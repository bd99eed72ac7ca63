import Fastify from "fastify";
import { presentMe } from "../server/auth/me";
import { findActorBySessionToken } from "../server/auth/sessions";
import type { Database } from "../server/db/client";
import { type LoadResult, runLoad } from "./load";
import { median } from "./stats";
import type { Target } from "./target";

const DRIVE = { connections: 10, seconds: 8, warmupSeconds: 2, maxRequests: 200_000 };

export type Throughput = {
  drive: typeof DRIVE;
  /** The real app's GET /api/v1/me. */
  me: LoadResult;
  /** The reference: a bare Fastify route running `select 1` on the same pool. */
  bare: LoadResult;
  /** Where the gap comes from: a bare Fastify route running the query behind /me and presenting it. */
  bareWithMeQueries: LoadResult;
  /** me ÷ bare requests per second. */
  ratio: number;
  /** Median time of each query run alone, one after another, through the app's pool. */
  queryMs: { select1: number; actor: number };
};

/** Requests per second of GET /api/v1/me beside a bare Fastify route running `select 1` on the same pool. */
export async function measureThroughput(database: Database, target: Target): Promise<Throughput> {
  const queryMs = await timeQueries(database, target.token);
  const bareApp = Fastify({ logger: false });
  bareApp.get("/one", async () => (await database.pool.query("select 1 as one")).rows[0]);
  bareApp.get("/me-queries", async () => {
    const actor = await findActorBySessionToken(database.db, database.pool, target.token);
    if (!actor) throw new Error("the bench session is not valid");
    return presentMe(actor);
  });
  const bareUrl = await bareApp.listen({ host: "127.0.0.1", port: 0 });
  try {
    const me = await runLoad({ url: target.meUrl, headers: target.headers, ...DRIVE });
    const bare = await runLoad({ url: `${bareUrl}/one`, ...DRIVE });
    const bareWithMeQueries = await runLoad({ url: `${bareUrl}/me-queries`, ...DRIVE });
    return { drive: DRIVE, me, bare, bareWithMeQueries, ratio: me.perSecond / bare.perSecond, queryMs };
  } finally {
    await bareApp.close();
  }
}

/** Each query's own cost, with nothing else running: the one behind /me beside the reference's one. */
async function timeQueries(database: Database, token: string) {
  const time = async (run: () => Promise<unknown>) => {
    const durations: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await run();
      durations.push(performance.now() - started);
    }
    return median(durations);
  };
  return {
    select1: await time(() => database.pool.query("select 1 as one")),
    actor: await time(() => findActorBySessionToken(database.db, database.pool, token)),
  };
}
