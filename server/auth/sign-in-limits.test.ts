import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../db/schema";
import { buildDistrict, buildPerson, TEST_PASSWORD, type TestDistrict } from "../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
});
afterAll(async () => t?.close());

function signIn(email: string, password: string, ip: string) {
  return app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password }, remoteAddress: ip });
}

/** Moves every backoff of this account back in time, as if the person had waited. */
async function waitOut(email: string, seconds: number) {
  const rows = await t.db
    .select()
    .from(rateLimits)
    .where(like(rateLimits.key, `%${email}%`));
  for (const row of rows) {
    await t.db
      .update(rateLimits)
      .set({ windowStart: new Date(row.windowStart.getTime() - seconds * 1000) })
      .where(like(rateLimits.key, row.key));
  }
}

describe("sign-in limits", () => {
  it("strangers failing an account's sign-in from other addresses do not lock its owner out", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    for (let i = 0; i < 12; i++) {
      const response = await signIn(teacher.email, "wrong password!", `10.20.0.${i % 2}`);
      expect([401, 429]).toContain(response.statusCode);
    }
    // The strangers' addresses are held back on this account…
    expect((await signIn(teacher.email, "wrong password!", "10.20.0.1")).statusCode).toBe(429);
    // …while the owner, from their own address, signs in.
    expect((await signIn(teacher.email, TEST_PASSWORD, "10.20.9.9")).statusCode).toBe(200);
  });

  it("backs off one address on one account: 5 tries, then waits that double with each further failure", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const ip = "10.21.0.1";
    for (let i = 0; i < 5; i++) expect((await signIn(teacher.email, "wrong password!", ip)).statusCode).toBe(401);
    const first = await signIn(teacher.email, TEST_PASSWORD, ip);
    expect(first.statusCode).toBe(429);
    const firstWait = Number(first.headers["retry-after"]);
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(30);
    await waitOut(teacher.email, 31);
    expect((await signIn(teacher.email, "wrong password!", ip)).statusCode).toBe(401);
    const second = await signIn(teacher.email, TEST_PASSWORD, ip);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(30);
    expect(Number(second.headers["retry-after"])).toBeLessThanOrEqual(60);
    await waitOut(teacher.email, 61);
    // A success clears the backoff for this account and address.
    expect((await signIn(teacher.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    expect((await signIn(teacher.email, "wrong password!", ip)).statusCode).toBe(401);
    expect((await signIn(teacher.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it("still limits one address spraying many accounts", async () => {
    const ip = "10.22.0.1";
    for (let i = 0; i < 30; i++) expect((await signIn(`spray${i}@x.example`, "whatever!!", ip)).statusCode).toBe(401);
    const teacher = await buildPerson(t.db, district, "teacher");
    expect((await signIn(teacher.email, TEST_PASSWORD, ip)).statusCode).toBe(429);
    expect((await signIn(teacher.email, TEST_PASSWORD, "10.22.0.2")).statusCode).toBe(200);
  });
});

describe("changing one's password", () => {
  it("counts wrong current passwords as sign-in does, and refuses guessing after that", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const headers = await sessionHeaders(t.db, teacher);
    const change = (currentPassword: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/me/password",
        headers,
        remoteAddress: "10.23.0.1",
        payload: { currentPassword, newPassword: "a brand new password" },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).statusCode).toBe(422);
    const limited = await change(TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // The same account and address is held back at sign-in too: the guesses were sign-in failures.
    expect((await signIn(teacher.email, TEST_PASSWORD, "10.23.0.1")).statusCode).toBe(429);
    await waitOut(teacher.email, 31);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(200);
  });
});
