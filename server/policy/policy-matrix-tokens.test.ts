import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_SCOPES } from "../../contract/api-tokens";
import type { RoleName } from "../../contract/people";
import { createApiToken } from "../auth/api-tokens";
import { createSession, findActorBySessionToken } from "../auth/sessions";
import { matrixCases as cases } from "../test/policy-matrix/all-cases";
import { buildMatrixContext, type Ctx, type Req, STAFF } from "../test/policy-matrix/matrix-context";
import { createTestApp, type TestApp } from "../test/test-app";
import { tokenMayUse } from "./token-scopes";

/*
 * The policy matrix again, with API tokens instead of sessions: for each staff role, a token holding every scope
 * is refused (403) on every route no scope opens, and on the others gets what the role's session gets (allowed,
 * or refused with 403/404), so a token never reaches further than its person.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp({ env: { API_TOKEN_PER_MINUTE: "100000" } });
  app = t.app;
  ctx = await buildMatrixContext(t.db, t.dataDir);
});
afterAll(async () => t?.close());

async function tokenOf(role: RoleName): Promise<string> {
  const person = ctx.members.get(role);
  if (!person) throw new Error(`no ${role}`);
  const { token: session } = await createSession(t.db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
  const actor = await findActorBySessionToken(t.db, t.database.pool, session);
  if (!actor) throw new Error("no actor");
  const made = await createApiToken(t.db, actor, { name: "matrix", scopes: [...TOKEN_SCOPES], expiresInDays: 1 });
  return made.token;
}

function send(method: string, req: Req, token: string) {
  return app.inject({
    method: method as "GET",
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    headers: { ...req.headers, authorization: `Bearer ${token}` },
  });
}

describe("policy matrix with API tokens", () => {
  for (const role of STAFF) {
    it(`as ${role}: a token reaches only what its scopes open, and there no more than the role may`, async () => {
      const token = await tokenOf(role);
      const wrong: string[] = [];
      for (const [key, spec] of Object.entries(cases)) {
        if (spec.allowed === "public") continue;
        const [method, route] = key.split(" ") as [string, string];
        const policy = app.routeTable.find((r) => r.method === method && r.url === route)?.policy;
        if (policy === undefined) throw new Error(`${key} declares no policy`);
        const response = await send(method, await spec.own(ctx), token);
        const status = response.statusCode;
        const roleMay = spec.allowed === "all" || spec.allowed.includes(role);
        if (!tokenMayUse(TOKEN_SCOPES, policy)) {
          if (status !== 403) wrong.push(`${key} (${policy}): ${status}, expected 403 (no scope opens it)`);
        } else if (roleMay && status >= 300) {
          wrong.push(`${key} (${policy}): ${status}, expected success as for a ${role}'s session`);
        } else if (!roleMay && status !== 403 && status !== 404) {
          wrong.push(`${key} (${policy}): ${status}, expected 403/404 as for a ${role}'s session`);
        }
        if (spec.other && tokenMayUse(TOKEN_SCOPES, policy)) {
          const other = await send(method, await spec.other(ctx), token);
          if (other.statusCode < 300) wrong.push(`${key} on another district: ${other.statusCode}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
