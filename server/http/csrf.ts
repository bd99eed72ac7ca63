import type { FastifyInstance } from "fastify";
import { HttpProblem } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * RFC 8058 one-click unsubscribe is posted by mail providers, from anywhere, with no session: its token is the
 * whole authority, so where it came from does not matter.
 */
const ANY_ORIGIN_PATHS = ["/api/v1/notifications/unsubscribe?"];

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers always send Origin
 * on cross-site POST/PATCH/DELETE; requests without it (scripts, the CLI) are not cross-site attacks,
 * and the session cookie is SameSite=Lax on top of this.
 */
export function registerOriginCheck(app: FastifyInstance, publicUrl: string | undefined): void {
  const allowedOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (ANY_ORIGIN_PATHS.some((path) => request.url.startsWith(path))) return;
    const origin = request.headers.origin;
    if (origin) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      const sameHost = originHost !== undefined && originHost === request.headers.host;
      if (origin === allowedOrigin || sameHost) return;
      throw new HttpProblem(403, "Forbidden", "This request came from another site and was refused.");
    }
    if (request.headers["sec-fetch-site"] === "cross-site") {
      throw new HttpProblem(403, "Forbidden", "This request came from another site and was refused.");
    }
  });
}
