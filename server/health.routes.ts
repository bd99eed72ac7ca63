import { Health } from "../contract/health";
import { VERSION } from "./config";
import { pingDatabase } from "./db/ping";
import type { App } from "./types";

/** Liveness with a real database round trip, and the OpenAPI document. */
export async function healthRoutes(app: App) {
  app.get("/api/health", { config: { policy: "public" }, schema: { response: { 200: Health } } }, async () => {
    await pingDatabase(app.db);
    return { status: "ok" as const, db: app.dbKind, version: VERSION };
  });
  app.get("/api/openapi.json", { config: { policy: "public" }, schema: { hide: true } }, async () => app.swagger());
}
