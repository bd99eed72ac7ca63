import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RoleName } from "../../contract/people";
import { auditLog } from "../db/schema";
import { matrixCases } from "../test/policy-matrix/all-cases";
import { buildMatrixContext, type Ctx } from "../test/policy-matrix/matrix-context";
import { createTestApp, sessionHeaders, type TestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ctx = await buildMatrixContext(t.db, t.dataDir);
});
afterAll(async () => t?.close());

// Reads that answer with counts of students (group members and flags, students per level, students with
// results): student-level data, so each read leaves one audit entry like the reads that name students.
const COUNT_READS: [route: string, action: string][] = [
  ["GET /api/v1/communities/:id/intervention-groups", "intervention_group.list"],
  ["GET /api/v1/intervention-groups", "intervention_group.list_own"],
  ["GET /api/v1/analysis/targets", "analysis.rollup_read"],
  ["GET /api/v1/communities/:id/assessments", "assessment.list"],
  ["GET /api/v1/assessments/:id", "assessment.read"],
];

it.each(COUNT_READS)("%s is audit-logged (%s)", async (route, action) => {
  const spec = matrixCases[route];
  if (!spec || spec.allowed === "public") throw new Error(`no signed-in matrix case for ${route}`);
  const role: RoleName = spec.allowed === "all" ? "teacher" : (spec.allowed[0] as RoleName);
  const reader = ctx.members.get(role);
  if (!reader) throw new Error(`no ${role}`);
  const req = await spec.own(ctx);
  const response = await app.inject({
    url: req.url,
    headers: { ...req.headers, ...(await sessionHeaders(t.db, reader)) },
  });
  expect(response.statusCode, response.body).toBe(200);
  const entries = await t.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, reader.id),
        eq(auditLog.action, action),
        eq(auditLog.requestId, response.headers["x-request-id"] as string),
      ),
    );
  expect(entries).toHaveLength(1);
});
