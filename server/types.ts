import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Pool } from "pg";
import type { Config } from "./config";
import type { Db, DbKind } from "./db/client";
import type { Actor } from "./policy/actor";
import type { Action } from "./policy/rules";

/** How a route is guarded: a policy action it checks, or open to anyone signed in, or public. */
export type RoutePolicy = Action | "signed-in" | "public";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    /** The raw pool, for the few hot queries that are named prepared statements. */
    pool: Pool;
    dbKind: DbKind;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
