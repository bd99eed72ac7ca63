import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RosterImportEvent } from "../../../contract/rosters";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { type FormFile, multipartForm } from "../../test/multipart";
import { FIXTURES } from "../../test/roster-test-support";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let leader: TestPerson;
let teacher: TestPerson;
let otherLeader: TestPerson;

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: "0.05" } });
  app = t.app;
  district = await buildDistrict(t.db);
  leader = await buildPerson(t.db, district, "district_leader");
  teacher = await buildPerson(t.db, district, "teacher");
  otherLeader = await buildPerson(t.db, await buildDistrict(t.db, "Other District"), "district_leader");
});
afterAll(async () => t?.close());

const zipFile = (file: string): FormFile => ({
  field: "files",
  name: path.basename(file),
  contentType: "application/zip",
  content: readFileSync(file),
});
const csvFiles = (folder: string): FormFile[] =>
  readdirSync(folder).map((name) => ({
    field: "files",
    name,
    contentType: "text/csv",
    content: readFileSync(path.join(folder, name)),
  }));

async function upload(person: TestPerson | null, files: FormFile[]) {
  const form = multipartForm({}, files);
  return app.inject({
    method: "POST",
    url: "/api/v1/rosters/imports",
    payload: form.payload,
    headers: { ...form.headers, ...(person ? await sessionHeaders(t.db, person) : {}) },
  });
}

function events(body: string) {
  return body
    .split("\n")
    .filter(Boolean)
    .map((line) => RosterImportEvent.parse(JSON.parse(line)));
}

async function get(person: TestPerson, url: string) {
  return app.inject({ method: "GET", url, headers: await sessionHeaders(t.db, person) });
}

describe("POST /api/v1/rosters/imports", () => {
  let importId: string;

  it("takes a zip and streams progress lines, then the import record", async () => {
    const response = await upload(leader, [zipFile(FIXTURES.moodleFullZip)]);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    const lines = events(response.body);
    const phases = lines.flatMap((e) => (e.type === "progress" ? [e.phase] : []));
    expect(phases[0]).toBe("reading");
    expect(phases).toEqual(expect.arrayContaining(["reading", "validating", "applying", "finishing"]));
    const last = lines.at(-1);
    if (last?.type !== "result") throw new Error(`no result line: ${response.body}`);
    expect(last.import).toMatchObject({
      status: "succeeded",
      source: "Test_full_data_set.zip",
      oneRosterVersion: "1.1",
      rowsTotal: 20,
      startedBy: { id: leader.id },
    });
    expect(last.import.counts.students).toEqual({ created: 3, updated: 0, deleted: 0 });
    importId = last.import.id;
    const { rows } = await t.database.pool.query(
      "select action, subject_id, actor_id, details->'counts'->'students' as students from audit_log where action = 'roster.import'",
    );
    expect(rows).toEqual([
      {
        action: "roster.import",
        subject_id: importId,
        actor_id: leader.id,
        students: { created: 3, updated: 0, deleted: 0 },
      },
    ]);
    expect(readdirSync(path.join(t.dataDir, "uploads", "tmp"))).toEqual([]);
  });

  it("takes the CSV files themselves, and reports a set with errors as failed", async () => {
    const minimal = events((await upload(leader, csvFiles(FIXTURES.moodleMinimal))).body).at(-1);
    expect(minimal?.type === "result" && minimal.import.status).toBe("succeeded");
    expect(minimal?.type === "result" && minimal.import.source).toMatch(/^6 CSV files: /);
    const broken = events((await upload(leader, csvFiles(FIXTURES.oatSa))).body).at(-1);
    if (broken?.type !== "result") throw new Error("no result");
    expect(broken.import.status).toBe("failed");
    expect(broken.import.problems).toContainEqual(
      expect.objectContaining({ file: "academicSessions.csv", line: 1, column: "schoolYear", severity: "error" }),
    );
  });

  it("refuses what is not a zip or CSV files, an empty form, and more than MAX_UPLOAD_MB", async () => {
    const text = await upload(leader, [
      { field: "files", name: "notes.txt", contentType: "text/plain", content: "hi" },
    ]);
    expect(text.statusCode).toBe(415);
    expect(text.headers["content-type"]).toContain("application/problem+json");
    const fakeZip = await upload(leader, [
      { field: "files", name: "set.zip", contentType: "application/zip", content: "no" },
    ]);
    expect(fakeZip.statusCode).toBe(415);
    const both = await upload(leader, [zipFile(FIXTURES.moodleFullZip), ...csvFiles(FIXTURES.moodleMinimal)]);
    expect(both.statusCode).toBe(400);
    expect((await upload(leader, [])).statusCode).toBe(400);
    const huge = await upload(leader, [
      { field: "files", name: "users.csv", contentType: "text/csv", content: "x".repeat(60_000) },
    ]);
    expect(huge.statusCode).toBe(413);
    const tmpDir = path.join(t.dataDir, "uploads", "tmp");
    expect(existsSync(tmpDir) ? readdirSync(tmpDir) : []).toEqual([]);
  });

  it("is for district leaders only", async () => {
    expect((await upload(teacher, [zipFile(FIXTURES.moodleFullZip)])).statusCode).toBe(403);
    expect((await upload(null, [zipFile(FIXTURES.moodleFullZip)])).statusCode).toBe(401);
  });

  it("lists past imports and shows one with its problems, to the district's leaders only", async () => {
    const list = await get(leader, "/api/v1/rosters/imports");
    expect(list.statusCode).toBe(200);
    const page = list.json() as {
      items: { id: string; status: string; errorCount: number; warningCount: number }[];
      total: number;
    };
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.status)).toEqual(["failed", "succeeded", "succeeded"]);
    expect(page.items[0]?.errorCount).toBe(5);
    const one = await get(leader, `/api/v1/rosters/imports/${importId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().problems).toContainEqual(
      expect.objectContaining({ file: "enrollments.csv", line: 3, column: "role" }),
    );
    expect((await get(teacher, "/api/v1/rosters/imports")).statusCode).toBe(403);
    expect((await get(teacher, `/api/v1/rosters/imports/${importId}`)).statusCode).toBe(403);
    expect((await get(otherLeader, `/api/v1/rosters/imports/${importId}`)).statusCode).toBe(404);
    expect((await get(otherLeader, "/api/v1/rosters/imports")).json().total).toBe(0);
  });
});
