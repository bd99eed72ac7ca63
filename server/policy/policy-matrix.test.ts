import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type RoleName } from "../../contract/people";
import { createSession } from "../auth/sessions";
import { accountTokens, outbox } from "../db/schema";
import { buildDistrict, buildPerson, TEST_PASSWORD, type TestDistrict, type TestPerson } from "../test/factories";
import { createTestApp, type TestApp } from "../test/test-app";

type Ctx = {
  own: Targets;
  other: Targets;
  unique: () => string;
};
type Targets = {
  district: TestDistrict;
  teacher: TestPerson;
  invited: TestPerson;
  outboxId: string;
};
type Req = { url: string; payload?: unknown };
type Case = {
  /** Roles that may do this in their own district; "all" = anyone signed in; "public" = no sign-in needed. */
  allowed: readonly RoleName[] | "all" | "public";
  own: (ctx: Ctx) => Req;
  /** The same request aimed at another district's object: always 404. Lists instead must not leak it. */
  other?: (ctx: Ctx) => Req;
  leakCheck?: (ctx: Ctx) => string;
};

const STAFF: RoleName[] = ["district_leader", "school_leader", "coach", "teacher", "support_staff"];
const LEADERS: RoleName[] = ["district_leader", "school_leader"];
const DISTRICT: RoleName[] = ["district_leader"];

/** One entry per registered route; a route missing here fails the test below. */
const cases: Record<string, Case> = {
  "GET /api/health": { allowed: "public", own: () => ({ url: "/api/health" }) },
  "GET /api/openapi.json": { allowed: "public", own: () => ({ url: "/api/openapi.json" }) },
  "GET /*": { allowed: "public", own: () => ({ url: "/favicon-that-does-not-exist.txt" }) },
  "POST /api/v1/auth/sign-in": {
    allowed: "public",
    own: (c) => ({ url: "/api/v1/auth/sign-in", payload: { email: c.own.teacher.email, password: TEST_PASSWORD } }),
  },
  "POST /api/v1/auth/sign-out": { allowed: "all", own: () => ({ url: "/api/v1/auth/sign-out" }) },
  "POST /api/v1/auth/password-reset": {
    allowed: "public",
    own: (c) => ({ url: "/api/v1/auth/password-reset", payload: { email: `nobody-${c.unique()}@x.example` } }),
  },
  "POST /api/v1/auth/password-reset/complete": {
    allowed: "public",
    own: () => ({
      url: "/api/v1/auth/password-reset/complete",
      payload: { token: "x".repeat(43), password: "long enough password" },
    }),
  },
  "GET /api/v1/invites/:token": { allowed: "public", own: () => ({ url: `/api/v1/invites/${"y".repeat(43)}` }) },
  "POST /api/v1/invites/:token/accept": {
    allowed: "public",
    own: () => ({ url: `/api/v1/invites/${"y".repeat(43)}/accept`, payload: { password: "long enough password" } }),
  },
  "GET /api/v1/me": { allowed: "all", own: () => ({ url: "/api/v1/me" }) },
  "POST /api/v1/me/password": {
    allowed: "all",
    own: () => ({
      url: "/api/v1/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  "GET /api/v1/me/sessions": { allowed: "all", own: () => ({ url: "/api/v1/me/sessions" }) },
  "DELETE /api/v1/me/sessions/:id": {
    allowed: "all",
    // Another person's session id is "not found" for everyone: one only ever sees one's own sessions.
    own: () => ({ url: "/api/v1/me/sessions/00000000-0000-4000-8000-000000000000" }),
  },
  "POST /api/v1/me/sessions/sign-out-everywhere": {
    allowed: "all",
    own: () => ({ url: "/api/v1/me/sessions/sign-out-everywhere" }),
  },
  "GET /api/v1/people": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/people?pageSize=200" }),
    leakCheck: (c) => c.other.teacher.id,
  },
  "POST /api/v1/people": {
    allowed: LEADERS,
    own: (c) => ({
      url: "/api/v1/people",
      payload: {
        email: `new-${c.unique()}@test.example`,
        displayName: "New Teacher",
        roles: [{ role: "teacher", schoolId: c.own.district.schools.elementary.id }],
      },
    }),
    other: (c) => ({
      url: "/api/v1/people",
      payload: {
        email: `new-${c.unique()}@test.example`,
        displayName: "New Teacher",
        roles: [{ role: "teacher", schoolId: c.other.district.schools.elementary.id }],
      },
    }),
  },
  "GET /api/v1/people/:id": {
    allowed: STAFF,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}` }),
  },
  "PATCH /api/v1/people/:id": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}`, payload: { displayName: c.own.teacher.displayName } }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}`, payload: { displayName: "x" } }),
  },
  "POST /api/v1/people/:id/deactivate": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}/deactivate` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}/deactivate` }),
  },
  "POST /api/v1/people/:id/reactivate": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}/reactivate` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}/reactivate` }),
  },
  "POST /api/v1/people/:id/invite": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.invited.id}/invite` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.invited.id}/invite` }),
  },
  "GET /api/v1/schools": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/schools?pageSize=200" }),
    leakCheck: (c) => c.other.district.schools.elementary.id,
  },
  "POST /api/v1/schools": {
    allowed: DISTRICT,
    own: (c) => ({ url: "/api/v1/schools", payload: { name: `New School ${c.unique()}`, level: "middle" } }),
  },
  "GET /api/v1/schools/:id": {
    allowed: STAFF,
    own: (c) => ({ url: `/api/v1/schools/${c.own.district.schools.high.id}` }),
    other: (c) => ({ url: `/api/v1/schools/${c.other.district.schools.high.id}` }),
  },
  "PATCH /api/v1/schools/:id": {
    allowed: DISTRICT,
    own: (c) => ({ url: `/api/v1/schools/${c.own.district.schools.high.id}`, payload: { level: "high" } }),
    other: (c) => ({ url: `/api/v1/schools/${c.other.district.schools.high.id}`, payload: { level: "high" } }),
  },
  "GET /api/v1/audit": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/audit?pageSize=200" }),
    leakCheck: (c) => c.other.teacher.id,
  },
  "GET /api/v1/outbox": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/outbox?pageSize=200" }),
    leakCheck: (c) => c.other.outboxId,
  },
  "GET /api/v1/outbox/:id": {
    allowed: DISTRICT,
    own: (c) => ({ url: `/api/v1/outbox/${c.own.outboxId}` }),
    other: (c) => ({ url: `/api/v1/outbox/${c.other.outboxId}` }),
  },
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let ctx: Ctx;
const members = new Map<RoleName, TestPerson>();
let counter = 0;

async function buildTargets(district: TestDistrict): Promise<Targets> {
  const teacher = await buildPerson(t.db, district, "teacher");
  const invited = await buildPerson(t.db, district, "teacher", { status: "invited" });
  const [message] = await t.db
    .insert(outbox)
    .values({ districtId: district.id, toAddress: teacher.email, subject: "Hello", textBody: "Hi" })
    .returning();
  await t.db.insert(accountTokens).values({
    tokenHash: `seed-${district.id}`,
    purpose: "invite",
    districtId: district.id,
    personId: invited.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { district, teacher, invited, outboxId: message?.id as string };
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const own = await buildDistrict(t.db, "Own District");
  const other = await buildDistrict(t.db, "Other District");
  ctx = { own: await buildTargets(own), other: await buildTargets(other), unique: () => `${Date.now()}-${counter++}` };
  for (const role of ROLES) members.set(role, await buildPerson(t.db, own, role));
});
afterAll(async () => t?.close());

/** A fresh session per request: some routes under test end sessions (sign-out, password change). */
async function sessionOf(role: RoleName): Promise<string> {
  const person = members.get(role) as TestPerson;
  const { token } = await createSession(t.db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
  return `collective_session=${token}`;
}

async function send(method: string, req: Req, role?: RoleName) {
  const cookie = role ? await sessionOf(role) : undefined;
  return app.inject({
    method: method as "GET",
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    headers: cookie ? { cookie } : {},
  });
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
        const response = await send(method, spec.own(ctx));
        expect(response.statusCode).not.toBe(401);
        expect(response.statusCode).toBeLessThan(500);
      });
      continue;
    }
    it(`${key}: anonymous gets 401`, async () => {
      expect((await send(method, spec.own(ctx))).statusCode).toBe(401);
    });
    for (const role of ROLES) {
      const isAllowed = spec.allowed === "all" || spec.allowed.includes(role);
      it(`${key} as ${role} in own district: ${isAllowed ? "allowed" : "denied"}`, async () => {
        const response = await send(method, spec.own(ctx), role);
        if (route === "/api/v1/me/sessions/:id") expect(response.statusCode).toBe(404);
        else if (isAllowed) expect(response.statusCode, response.body).toBeLessThan(300);
        else expect([403, 404], response.body).toContain(response.statusCode);
        if (isAllowed && spec.leakCheck) expect(response.body).not.toContain(spec.leakCheck(ctx));
      });
      if (spec.other) {
        const other = spec.other;
        it(`${key} as ${role} on another district: 404 or 403, never allowed`, async () => {
          const response = await send(method, other(ctx), role);
          if (method === "POST" && route === "/api/v1/people") expect([403, 404, 422]).toContain(response.statusCode);
          else expect(response.statusCode, response.body).toBe(404);
        });
      }
    }
  }
});
