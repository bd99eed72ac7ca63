import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./test/test-app";
import { testDatabaseKind } from "./test/test-db";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
});
afterAll(async () => t?.close());

it("answers ok and names the database it runs on", async () => {
  const response = await app.inject({ url: "/api/health" });
  expect(response.json()).toEqual({ status: "ok", db: testDatabaseKind(), version: expect.any(String) });
});

it("publishes an OpenAPI 3.1 document generated from the route schemas", async () => {
  const doc = (await app.inject({ url: "/api/openapi.json" })).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/people", "/api/v1/people/{id}", "/api/v1/auth/sign-in"]),
  );
  expect(
    doc.paths["/api/v1/people"].post.requestBody.content["application/json"].schema.properties.email,
  ).toBeDefined();
});

it("tags every response with a request id", async () => {
  const response = await app.inject({ url: "/api/health", headers: { "x-request-id": "trace-123" } });
  expect(response.headers["x-request-id"]).toBe("trace-123");
  expect(response.headers["server-timing"]).toMatch(/^app;dur=\d+\.\d$/);
});
