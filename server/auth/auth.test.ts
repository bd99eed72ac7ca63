import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, rateLimits } from "../db/schema";
import { buildDistrict, buildPerson, TEST_PASSWORD, type TestDistrict } from "../test/factories";
import { deliveredText } from "../test/mailbox";
import { createTestApp, sessionCookieFrom, type TestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;

beforeAll(async () => {
  // Sign-in links reach only the recipient (through SMTP delivery), so these tests configure an SMTP server
  // and read the links from the delivery job (deliveredText); no job runner runs here.
  t = await createTestApp({ env: { SMTP_URL: NO_SMTP } });
  app = t.app;
  district = await buildDistrict(t.db);
});
afterAll(async () => t?.close());

function signInRequest(email: string, password: string, ip = "10.0.0.1") {
  return app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password }, remoteAddress: ip });
}

const NO_SMTP = "smtp://127.0.0.1:9";

function latestMailTo(email: string) {
  return deliveredText(t.db, email);
}

function linkToken(text: string, path: string): string {
  const match = text.match(new RegExp(`/${path}/([\\w-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describe("sign-in", () => {
  it("signs in with an HTTP-only SameSite=Lax cookie and returns the person", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const response = await signInRequest(teacher.email.toUpperCase(), TEST_PASSWORD, "10.0.1.1");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ email: teacher.email, roles: [{ role: "teacher" }] });
    const cookie = response.cookies.find((c) => c.name === "collective_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  });

  it("answers the same generic error for an unknown email and a wrong password", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const unknown = await signInRequest("nobody@nowhere.example", TEST_PASSWORD, "10.0.2.1");
    const wrong = await signInRequest(teacher.email, "wrong password!", "10.0.2.2");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: { requestId?: string; instance?: string }) => ({ ...body, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses deactivated and not-yet-joined people with the same generic error", async () => {
    const gone = await buildPerson(t.db, district, "teacher", { status: "deactivated" });
    const response = await signInRequest(gone.email, TEST_PASSWORD, "10.0.3.1");
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe("The email or password is incorrect.");
  });

  // Per account and address, with backoff: sign-in-limits.test.ts.
  it("limits sign-in to 30 failures per 10 minutes per IP address, across accounts", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await signInRequest(`someone${i}@x.example`, "whatever!!", "10.2.0.1")).statusCode).toBe(401);
    }
    const teacher = await buildPerson(t.db, district, "teacher");
    expect((await signInRequest(teacher.email, TEST_PASSWORD, "10.2.0.1")).statusCode).toBe(429);
    expect((await signInRequest(teacher.email, TEST_PASSWORD, "10.2.0.2")).statusCode).toBe(200);
  });

  it("does not count successful sign-ins: a school behind one address is not locked out", async () => {
    for (let i = 0; i < 15; i++) {
      const colleague = await buildPerson(t.db, district, "teacher");
      expect((await signInRequest(colleague.email, TEST_PASSWORD, "10.2.9.9")).statusCode).toBe(200);
    }
  });

  it("starts a new window after the old one has passed", async () => {
    await t.db.update(rateLimits).set({ windowStart: new Date(Date.now() - 11 * 60_000) });
    const teacher = await buildPerson(t.db, district, "teacher");
    expect((await signInRequest(teacher.email, TEST_PASSWORD, "10.2.0.1")).statusCode).toBe(200);
  });

  it("rotates the session on sign-in: the browser's previous session ends", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const first = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.3.0.1"));
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: teacher.email, password: TEST_PASSWORD },
      headers: { cookie: first },
      remoteAddress: "10.3.0.1",
    });
    const second = sessionCookieFrom(again);
    expect(second).not.toBe(first);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: first } })).statusCode).toBe(401);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: second } })).statusCode).toBe(200);
  });

  it("signs out: the cookie stops working", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const cookie = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.3.1.1"));
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: { cookie } })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(401);
  });
});

describe("sessions and passwords", () => {
  it("lists one's sessions, revokes one, and signs out everywhere else", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const a = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.4.0.1"));
    const b = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.4.0.2"));
    const c = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.4.0.3"));
    const list = (await app.inject({ url: "/api/v1/me/sessions", headers: { cookie: a } })).json();
    expect(list.items).toHaveLength(3);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const bId = list.items.find((s: { ip: string }) => s.ip === "10.4.0.2").id;
    expect(
      (await app.inject({ method: "DELETE", url: `/api/v1/me/sessions/${bId}`, headers: { cookie: a } })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: b } })).statusCode).toBe(401);
    const everywhere = await app.inject({
      method: "POST",
      url: "/api/v1/me/sessions/sign-out-everywhere",
      headers: { cookie: a },
    });
    expect(everywhere.json()).toEqual({ revoked: 1 });
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: c } })).statusCode).toBe(401);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: a } })).statusCode).toBe(200);
  });

  it("changes the password only with the current one, and ends other sessions", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const a = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.5.0.1"));
    const b = sessionCookieFrom(await signInRequest(teacher.email, TEST_PASSWORD, "10.5.0.2"));
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: a },
      payload: { currentPassword: "not it at all", newPassword: "a brand new password" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].pointer).toBe("/body/currentPassword");
    const short = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: a },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe("/body/newPassword");
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: a },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" },
    });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie: b } })).statusCode).toBe(401);
    expect((await signInRequest(teacher.email, "a brand new password", "10.5.0.3")).statusCode).toBe(200);
  });

  it("lets a person choose their own language, and refuses anything else about them", async () => {
    const parent = await buildPerson(t.db, district, "family_member");
    const cookie = sessionCookieFrom(await signInRequest(parent.email, TEST_PASSWORD, "10.5.1.1"));
    const patch = (payload: Record<string, string>) =>
      app.inject({ method: "PATCH", url: "/api/v1/me", headers: { cookie }, payload });
    const chosen = await patch({ preferredLanguage: "es" });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().preferredLanguage).toBe("es");
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie } })).json().preferredLanguage).toBe("es");
    const audit = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, parent.id))).find(
      (entry) => entry.action === "person.language_changed",
    );
    expect(audit).toMatchObject({ action: "person.language_changed", details: { preferredLanguage: "es" } });

    const unknown = await patch({ preferredLanguage: "klingon" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].pointer).toBe("/body/preferredLanguage");
    const renamed = await patch({ preferredLanguage: "en", displayName: "Someone else" });
    expect(renamed.statusCode).toBe(400);
    expect((await app.inject({ url: "/api/v1/me", headers: { cookie } })).json()).toMatchObject({
      preferredLanguage: "es",
      displayName: parent.displayName,
    });
  });

  it("resets a forgotten password through the emailed link, once", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: "ghost@x.example" },
    });
    const known = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: teacher.email },
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const token = linkToken(await latestMailTo(teacher.email), "reset-password");
    const complete = () =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/password-reset/complete",
        payload: { token, password: "reset to something new" },
      });
    expect((await complete()).statusCode).toBe(200);
    expect((await complete()).statusCode).toBe(410);
    expect((await signInRequest(teacher.email, "reset to something new", "10.6.0.1")).statusCode).toBe(200);
  });
});

describe("invitations", () => {
  it("invites a person who sets a password from the emailed link and is signed in", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const cookie = sessionCookieFrom(await signInRequest(leader.email, TEST_PASSWORD, "10.7.0.1"));
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: { cookie },
      payload: {
        email: "New.Person@Test.example",
        displayName: "New Person",
        roles: [{ role: "teacher", schoolId: district.schools.high.id }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: "new.person@test.example", status: "invited" });
    const token = linkToken(await latestMailTo("new.person@test.example"), "invite");
    const info = await app.inject({ url: `/api/v1/invites/${token}` });
    expect(info.json()).toMatchObject({ email: "new.person@test.example", districtName: district.name });
    const accepted = await app.inject({
      method: "POST",
      url: `/api/v1/invites/${token}/accept`,
      payload: { password: "my first password" },
    });
    expect(accepted.statusCode).toBe(200);
    const me = await app.inject({ url: "/api/v1/me", headers: { cookie: sessionCookieFrom(accepted) } });
    expect(me.json()).toMatchObject({
      displayName: "New Person",
      roles: [{ role: "teacher", schoolId: district.schools.high.id }],
    });
    expect((await app.inject({ url: `/api/v1/invites/${token}` })).statusCode).toBe(404);
  });

  it("refuses an expired invitation", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const cookie = sessionCookieFrom(await signInRequest(leader.email, TEST_PASSWORD, "10.7.1.1"));
    const invited = await buildPerson(t.db, district, "teacher", { status: "invited" });
    await app.inject({ method: "POST", url: `/api/v1/people/${invited.id}/invite`, headers: { cookie } });
    const token = linkToken(await latestMailTo(invited.email), "invite");
    const { accountTokens } = await import("../db/schema");
    await t.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.personId, invited.id));
    const accepted = await app.inject({
      method: "POST",
      url: `/api/v1/invites/${token}/accept`,
      payload: { password: "my first password" },
    });
    expect(accepted.statusCode).toBe(404);
  });
});

describe("links in email", () => {
  const forged = { host: "attacker.example", "x-forwarded-host": "attacker.example" };

  it("come from configuration (PUBLIC_URL unset: this server's HOST and PORT), never from the Host header", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const reset = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: teacher.email },
      headers: forged,
      remoteAddress: "10.8.0.1",
    });
    expect(reset.statusCode).toBe(202);
    const leader = await buildPerson(t.db, district, "district_leader");
    const cookie = sessionCookieFrom(await signInRequest(leader.email, TEST_PASSWORD, "10.8.0.2"));
    const invited = await buildPerson(t.db, district, "teacher", { status: "invited" });
    const invite = await app.inject({
      method: "POST",
      url: `/api/v1/people/${invited.id}/invite`,
      headers: { ...forged, cookie },
    });
    expect(invite.statusCode, invite.body).toBeLessThan(300);
    const feed = await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers: { ...forged, cookie } });
    expect(feed.json().url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar\//);
    for (const text of [await latestMailTo(teacher.email), await latestMailTo(invited.email)]) {
      expect(text).toMatch(/http:\/\/localhost:3000\/(reset-password|invite)\/[\w-]{16,}/);
      expect(text).not.toContain("attacker.example");
    }
  });

  it("use PUBLIC_URL when it is set", async () => {
    const configured = await createTestApp({
      database: t.database,
      env: { PUBLIC_URL: "https://pln.example.org/", SMTP_URL: NO_SMTP },
    });
    try {
      const teacher = await buildPerson(t.db, district, "teacher");
      await configured.app.inject({
        method: "POST",
        url: "/api/v1/auth/password-reset",
        payload: { email: teacher.email },
        headers: forged,
        remoteAddress: "10.8.1.1",
      });
      expect(await latestMailTo(teacher.email)).toContain("https://pln.example.org/reset-password/");
    } finally {
      await configured.close();
    }
  });
});

describe("cross-site requests", () => {
  it("refuses a state-changing request from another origin", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: teacher.email, password: TEST_PASSWORD },
      headers: { origin: "https://evil.example", host: "collective.example" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("accepts the same origin", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: teacher.email, password: TEST_PASSWORD },
      headers: { origin: "http://collective.example", host: "collective.example" },
      remoteAddress: "10.8.0.1",
    });
    expect(response.statusCode).toBe(200);
  });

  it("sends a strict Content-Security-Policy", async () => {
    const response = await app.inject({ url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});
