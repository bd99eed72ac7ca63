import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { RoleName } from "../../contract/people";
import type { RegisteredRoute } from "../app";
import { createSession } from "../auth/sessions";
import { matrixCases } from "../test/policy-matrix/all-cases";
import { buildMatrixContext, type Case, type Ctx } from "../test/policy-matrix/matrix-context";
import { createTestApp, type TestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ctx = await buildMatrixContext(t.db, t.dataDir);
});
afterAll(async () => t?.close());

// NUL and unpaired surrogates must be refused by name; the right-to-left override is text and must not break anything.
const REFUSED = { nul: "\u0000", highSurrogate: "\ud800", lowSurrogate: "\udfff" } as const;
const ALLOWED = { rtlOverride: "\u202e" } as const;
const BAD = { ...REFUSED, ...ALLOWED };
type Kind = keyof typeof BAD;

async function cookieFor(spec: Case): Promise<string | undefined> {
  if (spec.allowed === "public") return undefined;
  const role: RoleName = spec.allowed === "all" ? "teacher" : (spec.allowed[0] ?? "district_leader");
  const person = ctx.members.get(role);
  if (!person) throw new Error(`no ${role}`);
  const { token } = await createSession(t.db, person, { ip: "127.0.0.1", userAgent: "text-input", hours: 1 });
  return `collective_session=${token}`;
}

function caseOf(route: RegisteredRoute): Case {
  const spec = matrixCases[`${route.method} ${route.url}`];
  if (!spec) throw new Error(`no matrix case for ${route.method} ${route.url}`);
  return spec;
}

/** JSON pointers of the string leaves of a payload. */
function stringPointers(value: unknown, path = ""): string[] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPointers(item, `${path}/${i}`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringPointers(item, `${path}/${key}`));
  }
  return [];
}

function setAt(value: unknown, pointer: string, text: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = pointer.split("/").slice(1);
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = text;
  return copy;
}

function schemaKeys(schema: unknown): string[] {
  const shape = (schema as z.ZodObject | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

// Every JSON write route: a route with a body schema, taken from the app itself so new routes are covered.
const bodyRoutes = () => app.routeTable.filter((r) => r.schema.body !== undefined && r.url.startsWith("/api/"));
// Every route with a `q` (search) parameter in its query schema.
const searchRoutes = () => app.routeTable.filter((r) => schemaKeys(r.schema.querystring).includes("q"));

const text = (kind: Kind) =>
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}${BAD[kind]}${b}`);

describe("text that is not text", () => {
  it("finds the routes to test in the app", () => {
    expect(bodyRoutes().length).toBeGreaterThan(60);
    expect(searchRoutes().map((r) => r.url)).toEqual(
      expect.arrayContaining([
        "/api/v1/students",
        "/api/v1/people",
        "/api/v1/communities",
        "/api/v1/outbox",
        "/api/v1/resources",
        "/api/v1/forum/threads",
        "/api/v1/communities/:id/threads",
        "/api/v1/discussions/search",
        "/api/v1/standards/search",
      ]),
    );
  });

  it("a NUL or an unpaired surrogate in any string of any JSON body: 400 naming the field; RTL override: no 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyRoutes()),
        fc.constantFrom(...(Object.keys(BAD) as Kind[])).chain((kind) => fc.tuple(fc.constant(kind), text(kind))),
        fc.nat(),
        async (route, [kind, value], pick) => {
          const spec = caseOf(route);
          const req = await spec.own(ctx);
          const base = req.payload !== undefined && typeof req.payload === "object" ? req.payload : {};
          const pointers = stringPointers(base);
          const pointer = pointers.length
            ? (pointers[pick % pointers.length] as string)
            : `/${schemaKeys(route.schema.body)[0] ?? "text"}`;
          const payload = setAt(base, pointer, value);
          const cookie = await cookieFor(spec);
          const response = await app.inject({
            method: route.method as "POST",
            url: req.url,
            headers: { ...req.headers, ...(cookie ? { cookie } : {}), "content-type": "application/json" },
            payload: JSON.stringify(payload),
          });
          const where = `${route.method} ${req.url} ${pointer}=${JSON.stringify(value)} -> ${response.body}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (kind in REFUSED) {
            expect(response.statusCode, where).toBe(400);
            expect(response.headers["content-type"]).toContain("application/problem+json");
            const pointersNamed = response.json().errors.map((e: { pointer: string }) => e.pointer);
            expect(pointersNamed, where).toContain(`/body${pointer}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it("a NUL in any search: 400 naming /querystring/q; the RTL override and surrogate bytes: no 5xx", async () => {
    const encoded = { nul: "%00", rtlOverride: "%E2%80%AE", highSurrogate: "%ED%A0%80", lowSurrogate: "%ED%BF%BF" };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...searchRoutes()),
        fc.constantFrom(...(Object.keys(encoded) as Kind[])),
        fc.string({ minLength: 1, maxLength: 8 }),
        async (route, kind, around) => {
          const spec = caseOf(route);
          const req = await spec.own(ctx);
          const url = new URL(req.url, "http://x");
          url.searchParams.delete("q");
          const q = `${encodeURIComponent(around)}${encoded[kind]}${encodeURIComponent(around)}`;
          const target = `${url.pathname}?${url.searchParams.toString()}${url.search ? "&" : ""}q=${q}`;
          const cookie = await cookieFor(spec);
          const response = await app.inject({
            url: target,
            headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
          });
          const where = `GET ${target} -> ${response.body}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (kind === "nul") {
            expect(response.statusCode, where).toBe(400);
            expect(response.json().errors, where).toContainEqual({
              pointer: "/querystring/q",
              detail: expect.stringContaining("NUL"),
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("names the field the way other validation errors do", async () => {
    const cookie = await cookieFor({ allowed: ["district_leader"], own: () => ({ url: "" }) });
    for (const bad of ["x\u0000y", "\ud800"]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/communities",
        headers: { cookie: cookie as string },
        payload: { name: bad, kind: "grade_level_team", schoolIds: [], extra: 1 },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        status: 400,
        title: "Invalid request",
        detail: "The request body is not valid.",
      });
      expect(response.json().errors).toEqual(
        expect.arrayContaining([
          { pointer: "/body/name", detail: expect.stringMatching(/NUL|surrogate/) },
          { pointer: "/body/extra", detail: "Unknown field." },
        ]),
      );
    }
  });
});
