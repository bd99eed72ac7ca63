import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./db/client";
import { buildDistrict, buildPerson, TEST_PASSWORD } from "./test/factories";
import { createPostgresTestDatabaseIfAvailable, testDatabaseKind } from "./test/test-db";

const BIN = fileURLToPath(new URL("../bin/collective.mjs", import.meta.url));
let database: (Database & { url?: string }) | undefined;
const servers: ChildProcess[] = [];

/** Starts `collective serve` on an ephemeral port and resolves with its URL once it listens. */
function startServer(databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

// PostgreSQL's own test: it runs in the suite's PostgreSQL phase (COLLECTIVE_TEST_DB=postgres), once.
const onPostgres = testDatabaseKind() === "postgres" && Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  if (onPostgres) database = await createPostgresTestDatabaseIfAvailable();
}, 60_000);

afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await Promise.all(
    servers.map((s) => new Promise((resolve) => (s.exitCode !== null ? resolve(null) : s.once("exit", resolve)))),
  );
  await database?.close();
});

describe("several server processes on one PostgreSQL database", () => {
  it.runIf(onPostgres)(
    "share sessions: sign in through one, read through the other, sign out through the second",
    async () => {
      if (!database?.url) throw new Error("no PostgreSQL test database");
      const district = await buildDistrict(database.db);
      const teacher = await buildPerson(database.db, district, "teacher");
      const [first, second] = await Promise.all([startServer(database.url), startServer(database.url)]);
      expect(first).not.toBe(second);

      const signIn = await fetch(`${first}/api/v1/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: teacher.email, password: TEST_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect(cookie).toMatch(/^collective_session=/);

      const readOnSecond = await fetch(`${second}/api/v1/me`, { headers: { cookie } });
      expect(readOnSecond.status).toBe(200);
      expect(((await readOnSecond.json()) as { email: string }).email).toBe(teacher.email);

      const signOut = await fetch(`${second}/api/v1/auth/sign-out`, { method: "POST", headers: { cookie } });
      expect(signOut.status).toBe(204);
      expect((await fetch(`${first}/api/v1/me`, { headers: { cookie } })).status).toBe(401);

      const health = await (await fetch(`${first}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", db: "postgres" });
    },
    90_000,
  );
});
