import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../auth/sessions";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../test/factories";
import { createTestApp, type TestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let leader: TestPerson;
let teacher: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  leader = await buildPerson(t.db, district, "district_leader");
  teacher = await buildPerson(t.db, district, "teacher");
});
afterAll(async () => t?.close());

async function leaderCookie(): Promise<string> {
  const { token } = await createSession(t.db, leader, { ip: "127.0.0.1", userAgent: "fuzz", hours: 1 });
  return `collective_session=${token}`;
}

function expectProblem(response: Awaited<ReturnType<TestApp["inject"]>>, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  const body = response.json();
  expect(body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe("bad input gets a 4xx problem, never a 500", () => {
  it("malformed JSON", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: { cookie: await leaderCookie(), "content-type": "application/json" },
      payload: '{"email": "a@b.c",',
    });
    expectProblem(response, 400);
  });

  it("wrong types name the failing fields", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: { cookie: await leaderCookie() },
      payload: { email: 42, displayName: ["x"], roles: "teacher" },
    });
    expectProblem(response, 400);
    const pointers = response.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/body/email", "/body/displayName", "/body/roles"]));
  });

  it("unknown fields are refused by name", async () => {
    const response = await app.inject({
      method: "PATCH",
      url: `/api/v1/people/${teacher.id}`,
      headers: { cookie: await leaderCookie() },
      payload: { displayName: "Ok", isAdmin: true },
    });
    expectProblem(response, 400);
    expect(response.json().errors).toContainEqual({ pointer: "/body/isAdmin", detail: "Unknown field." });
  });

  it("oversized bodies", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: { cookie: await leaderCookie(), "content-type": "application/json" },
      payload: JSON.stringify({ displayName: "x".repeat(2 * 1024 * 1024) }),
    });
    expectProblem(response, 413);
  });

  it("unsupported content types", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/schools",
      headers: { cookie: await leaderCookie(), "content-type": "text/xml" },
      payload: "<school/>",
    });
    expectProblem(response, 415);
  });

  it("unknown routes and malformed ids", async () => {
    expectProblem(await app.inject({ url: "/api/v1/no-such-thing" }), 404);
    expectProblem(await app.inject({ method: "DELETE", url: "/api/v1/people" }), 404);
    const badId = await app.inject({ url: "/api/v1/people/not-a-uuid", headers: { cookie: await leaderCookie() } });
    expectProblem(badId, 400);
    expect(badId.json().errors[0].pointer).toBe("/params/id");
  });

  it("bad query strings", async () => {
    const response = await app.inject({
      url: "/api/v1/people?page=-3&sort=drop",
      headers: { cookie: await leaderCookie() },
    });
    expectProblem(response, 400);
  });
});

describe("fuzz: random bodies at every write route", () => {
  const json = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.constantFrom(
        "email",
        "displayName",
        "roles",
        "name",
        "level",
        "password",
        "token",
        "archived",
        "role",
        "schoolId",
        "x",
      ),
      fc.jsonValue(),
    ),
  );

  it("never answers 5xx", async () => {
    const cookie = await leaderCookie();
    const writeRoutes = app.routeTable.filter((r) => r.method !== "GET" && r.url.startsWith("/api/"));
    expect(writeRoutes.length).toBeGreaterThan(10);
    const ids = [teacher.id, district.schools.high.id, "00000000-0000-4000-8000-000000000000", "nope"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writeRoutes),
        json,
        fc.constantFrom(...ids),
        fc.boolean(),
        async (route, body, id, signedIn) => {
          // Signing out or ending every session would only end the fuzzer's own session; skip those.
          if (route.url.includes("sign-out")) return;
          const url = route.url.replace(":id", id).replace(":token", `${id}${"t".repeat(30)}`);
          const response = await app.inject({
            method: route.method as "POST",
            url,
            headers: { ...(signedIn ? { cookie } : {}), "content-type": "application/json" },
            payload: JSON.stringify(body),
            remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
          });
          expect(
            response.statusCode,
            `${route.method} ${url} ${JSON.stringify(body)} -> ${response.body}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
  });
});
