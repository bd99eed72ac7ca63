import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson, TEST_PASSWORD, type TestDistrict } from "../test/factories";
import { createTestApp, signIn } from "../test/test-app";
import { testDatabaseKind } from "../test/test-db";
import { ActorCache } from "./actor-cache";

const actor = { personId: "p", sessionId: "s" } as never;

describe("ActorCache", () => {
  it("keeps nothing read before the last invalidation", () => {
    const cache = new ActorCache();
    const generation = cache.generation;
    cache.clear();
    cache.set("token", generation, { actor, expiresAt: Date.now() + 60_000, touchedAt: Date.now() });
    expect(cache.get("token")).toBeUndefined();
    cache.set("token", cache.generation, { actor, expiresAt: Date.now() + 60_000, touchedAt: Date.now() });
    expect(cache.get("token")?.actor).toBe(actor);
  });

  it("forgets expired sessions, and everything while bypassed", () => {
    const cache = new ActorCache();
    cache.set("soon", cache.generation, { actor, expiresAt: Date.now() + 1_000, touchedAt: Date.now() });
    expect(cache.get("soon", Date.now() + 2_000)).toBeUndefined();
    cache.set("later", cache.generation, { actor, expiresAt: Date.now() + 60_000, touchedAt: Date.now() });
    cache.setBypassed(true);
    expect(cache.get("later")).toBeUndefined();
    cache.set("later", cache.generation, { actor, expiresAt: Date.now() + 60_000, touchedAt: Date.now() });
    expect(cache.size).toBe(0);
  });
});

describe("signed-in requests with the actor cache on", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let district: TestDistrict;

  beforeAll(async () => {
    t = await createTestApp({ env: { ACTOR_CACHE: "on" } });
    district = await buildDistrict(t.db);
  });
  afterAll(async () => t?.close());

  const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });

  it("sees a sign-out at once", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const cookie = await signIn(t.app, teacher.email, TEST_PASSWORD);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("sees a leader's deactivation of a cached person at once", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const teacher = await buildPerson(t.db, district, "teacher");
    const leaderCookie = await signIn(t.app, leader.email, TEST_PASSWORD);
    const cookie = await signIn(t.app, teacher.email, TEST_PASSWORD);
    expect((await me(cookie)).statusCode).toBe(200);
    const deactivate = await t.app.inject({
      method: "POST",
      url: `/api/v1/people/${teacher.id}/deactivate`,
      headers: { cookie: leaderCookie },
    });
    expect(deactivate.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it.runIf(testDatabaseKind() === "postgres")(
    "on PostgreSQL, hears about a change another process made (the database announces it)",
    async () => {
      const teacher = await buildPerson(t.db, district, "teacher");
      const cookie = await signIn(t.app, teacher.email, TEST_PASSWORD);
      expect((await me(cookie)).statusCode).toBe(200);
      // Behind the app's back, as another server process or the command line would.
      await t.db.execute(sql`update sessions set revoked_at = now() where person_id = ${teacher.id}`);
      let status = 200;
      for (let attempt = 0; attempt < 50 && status === 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await me(cookie)).statusCode;
      }
      expect(status).toBe(401);
    },
  );
});
