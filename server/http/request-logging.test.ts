import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import Fastify from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { registerErrorHandling } from "../errors";
import { createTestDatabase } from "../test/test-db";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const lines: Record<string, unknown>[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      callback();
    },
  });
  app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: "info" }), logger: { level: "info", stream } });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

it("writes structured JSON logs with the request id on every line of a request", async () => {
  await app.inject({ url: "/api/health", headers: { "x-request-id": "log-test-1" } });
  await app.inject({ url: "/api/v1/nowhere", headers: { "x-request-id": "log-test-2" } });
  const requestLines = lines.filter((l) => l.req || l.res || l.reqId);
  expect(requestLines.length).toBeGreaterThanOrEqual(4);
  for (const line of requestLines) expect(["log-test-1", "log-test-2"]).toContain(line.reqId);
  expect(lines.every((l) => typeof l.time === "number" && typeof l.level === "number")).toBe(true);
});

it("logs an unexpected error's cause, never the failed query's SQL or parameters", async () => {
  const logged: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logged.push(chunk.toString());
      callback();
    },
  });
  const bare = Fastify({ logger: { level: "error", stream } });
  registerErrorHandling(bare);
  bare.get("/fails", async () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: "22021",
      detail: "Key (email)=(private.person@x.example) already exists.",
    });
    throw new DrizzleQueryError("select * from people where email = $1", ["private.person@x.example"], cause);
  });
  const response = await bare.inject({ url: "/fails" });
  await bare.close();
  expect(response.statusCode).toBe(500);
  const text = logged.join("");
  expect(text).toContain("unhandled error");
  expect(text).toContain("22021");
  expect(text).toContain("invalid byte sequence");
  expect(text).not.toContain("private.person@x.example");
  expect(text).not.toContain("select * from people");
});
