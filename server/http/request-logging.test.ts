import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
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
