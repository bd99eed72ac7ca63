import { sql } from "drizzle-orm";
import { Health } from "../contract/health";
import { VERSION } from "./config";
import type { App } from "./types";

/** Liveness with a real database round trip, and the OpenAPI document. */
export async function healthRoutes(app: App) {
  app.get("/api/health", { config: { policy: "public" }, schema: { response: { 200: Health } } }, async () => {
    await app.db.execute(sql`select 1`);
    return { status: "ok" as const, db: app.dbKind, version: VERSION };
  });
  app.get("/api/openapi.json", { config: { policy: "public" }, schema: { hide: true } }, async () => app.swagger());
}
