import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { buildApp } from "../app";
import { createSession } from "../auth/sessions";
import { loadConfig } from "../config";
import type { Database, Db } from "../db/client";
import { createTestDatabase } from "./test-db";

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/** The whole application on a fresh database and a fresh DATA_DIR, for inject()-based tests. */
export async function createTestApp(options: { database?: Database; env?: Record<string, string> } = {}) {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "collective-test-data-"));
  // Tests change roles and memberships straight in the database, behind the app's back, so the actor cache
  // is off unless a test asks for it (actor-cache.test.ts does).
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir, ACTOR_CACHE: "off", ...options.env });
  // TEST_LOG=error shows the server's own logs when a test needs explaining.
  const logger = process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false;
  const app = await buildApp({ database, config, logger, exposePolicyChecks: true });
  return {
    app,
    database,
    db: database.db,
    dataDir,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The session cookie a response set, ready for a `cookie` request header. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "collective_session");
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `collective_session=${cookie.value}`;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signIn(app: TestApp, email: string, password: string): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password } });
  return sessionCookieFrom(response);
}

/** Request headers for a fresh session of this person, without going through the rate-limited sign-in. */
export async function sessionHeaders(db: Db, person: { id: string; districtId: string }): Promise<{ cookie: string }> {
  const { token } = await createSession(db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
  return { cookie: `collective_session=${token}` };
}
