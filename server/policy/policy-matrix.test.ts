import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type RoleName } from "../../contract/people";
import { createSession } from "../auth/sessions";
import { POLICY_CHECKED_HEADER } from "../http/policy-checks";
import { matrixCases as cases } from "../test/policy-matrix/all-cases";
import { buildMatrixContext, type Ctx, type Req } from "../test/policy-matrix/matrix-context";
import { checkSelfWidening } from "../test/policy-matrix/self-widening";
import { createTestApp, type TestApp } from "../test/test-app";

// Creating with another district's school or people names no object to hide: refused as invalid or forbidden.
const CREATE_ROUTES = ["/api/v1/people", "/api/v1/communities", "/api/v1/visits"];

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ctx = await buildMatrixContext(t.db, t.dataDir);
});
afterAll(async () => t?.close());

/** Routes that may end the session they are sent with (sign-out, password change, session lists). */
const ENDS_SESSIONS = /^\/api\/v1\/(auth|me)\//;
const sessions = new Map<RoleName, string>();

/** One session per role, reused; a fresh one for the routes that may end it. */
async function sessionOf(role: RoleName, url: string): Promise<string> {
  const reused = sessions.get(role);
  if (reused && !ENDS_SESSIONS.test(url)) return reused;
  const person = ctx.members.get(role);
  if (!person) throw new Error(`no ${role}`);
  const { token } = await createSession(t.db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
  const cookie = `collective_session=${token}`;
  // A password change or "sign out everywhere" ends the person's other sessions, the reused one among them.
  if (ENDS_SESSIONS.test(url)) sessions.delete(role);
  else sessions.set(role, cookie);
  return cookie;
}

async function send(method: string, req: Req, role?: RoleName) {
  const cookie = role ? await sessionOf(role, req.url) : undefined;
  return app.inject({
    method: method as "GET",
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
  });
}

/** The policy a route declares in its config. */
function declaredPolicy(method: string, url: string): string | undefined {
  return app.routeTable.find((r) => r.method === method && r.url === url)?.policy;
}

describe("policy matrix", () => {
  it("has a case for every registered route, and every route declares a policy", () => {
    const registered = app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((key) => !(key in cases))).toEqual([]);
    expect(Object.keys(cases).filter((key) => !registered.includes(key))).toEqual([]);
    expect(app.routeTable.filter((r) => !r.policy)).toEqual([]);
  });

  for (const [key, spec] of Object.entries(cases)) {
    const [method, route] = key.split(" ") as [string, string];
    if (spec.allowed === "public") {
      it(`${key}: public, never a 401 or 5xx`, async () => {
        const response = await send(method, await spec.own(ctx));
        expect(response.statusCode).not.toBe(401);
        expect(response.statusCode).toBeLessThan(500);
      });
      continue;
    }
    it(`${key}: anonymous gets 401`, async () => {
      expect((await send(method, await spec.own(ctx))).statusCode).toBe(401);
    });
    for (const role of ROLES) {
      const isAllowed = spec.allowed === "all" || spec.allowed.includes(role);
      it(`${key} as ${role} in own district: ${isAllowed ? "allowed" : "denied"}`, async () => {
        const response = await send(method, await spec.own(ctx), role);
        const declared = declaredPolicy(method, route);
        // An allowed request went through the very action the route declares; a refused one was refused by the
        // policy (a route may first check that the reader may see the thing, then the action itself).
        if (declared !== "signed-in") {
          const checked = String(response.headers[POLICY_CHECKED_HEADER] ?? "")
            .split(",")
            .filter(Boolean);
          if (response.statusCode < 300) expect(checked, `${key} declares ${declared}; it checked`).toContain(declared);
          else expect(checked, `${key} was refused without a policy check`).not.toEqual([]);
        }
        if (route === "/api/v1/me/sessions/:id") expect(response.statusCode).toBe(404);
        // One only ever sees one's own tokens: another's id is "not found" to those who may have tokens at all.
        else if (route === "/api/v1/me/api-tokens/:id") expect(response.statusCode).toBe(isAllowed ? 404 : 403);
        else if (isAllowed) expect(response.statusCode, response.body).toBeLessThan(300);
        else expect([403, 404], response.body).toContain(response.statusCode);
        if (isAllowed && spec.leakCheck) {
          for (const text of [spec.leakCheck(ctx)].flat()) expect(response.body).not.toContain(text);
        }
      });
      if (spec.other) {
        const other = spec.other;
        it(`${key} as ${role} on another district: refused, never allowed`, async () => {
          const response = await send(method, await other(ctx), role);
          if (method === "POST" && CREATE_ROUTES.includes(route)) {
            expect([403, 404, 422]).toContain(response.statusCode);
          } else expect(response.statusCode, response.body).toBe(404);
        });
      }
    }
  }
});

describe("self-widening", () => {
  it("for every role, creating communities and adding members never grows the students the actor may read", async () => {
    const results = await checkSelfWidening(app, t.database, ctx);
    for (const [role, r] of Object.entries(results)) {
      expect(r.afterAdding, `${role} after adding members`).toEqual(r.before);
      expect(r.afterConsent, `${role} after the members chose to share`).toEqual(r.expected);
    }
  });
});
