import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../../test/factories";
import { type FormFile, multipartForm } from "../../../test/multipart";
import { MINIMAL_PDF, WINDOWS_EXE } from "../../../test/sample-files";
import { createTestApp, sessionHeaders, type TestApp } from "../../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let author: TestPerson;
let threadId: string;

const LIMIT_BYTES = Math.floor(0.1 * 1024 * 1024);

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: "0.1" } });
  app = t.app;
  district = await buildDistrict(t.db);
  author = await buildPerson(t.db, district, "teacher");
  const thread = await app.inject({
    method: "POST",
    url: "/api/v1/forum/threads",
    headers: await sessionHeaders(t.db, author),
    payload: { title: "Lab rubric", body: "Draft attached." },
  });
  expect(thread.statusCode, thread.body).toBe(201);
  threadId = thread.json().id;
});
afterAll(async () => t?.close());

async function send(payload: Buffer, headers: Record<string, string>) {
  return app.inject({
    method: "POST",
    url: `/api/v1/threads/${threadId}/attachments`,
    payload,
    headers: { ...headers, ...(await sessionHeaders(t.db, author)) },
  });
}

const attach = (file: FormFile) => {
  const form = multipartForm({}, [file]);
  return send(form.payload, form.headers);
};

/** Every file under DATA_DIR/uploads, the temporary folder's included. */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(t.dataDir, "uploads");
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function fileRows(): Promise<number> {
  const result = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from files where district_id = ${district.id}`,
  );
  return result.rows[0]?.n ?? -1;
}

/** Runs a hostile attachment and checks that it left no file (stored or temporary) and no row. */
async function expectNothingLeftBy(attempt: () => Promise<void>) {
  const [disk, rows] = [await filesOnDisk(), await fileRows()];
  await attempt();
  expect(await filesOnDisk()).toEqual(disk);
  expect(await fileRows()).toBe(rows);
  expect(await readdir(path.join(t.dataDir, "uploads", "tmp")).catch(() => [])).toEqual([]);
}

/** A plain message: one sentence or two for a person, no stack, no code, no path. */
function expectPlainMessage(detail: unknown) {
  expect(typeof detail).toBe("string");
  expect(detail).not.toMatch(/FST_|Error:|\bat \S+:\d+|\/tmp\/|uploads\//);
  expect(detail).not.toContain("\u0000");
}

describe("hostile discussion attachments", () => {
  it("a file past the limit is refused as too large, naming the limit", async () => {
    await expectNothingLeftBy(async () => {
      const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(LIMIT_BYTES * 3, 0x20)]);
      const response = await attach({ name: "small.pdf", contentType: "application/pdf", content: big });
      expect(response.statusCode).toBe(413);
      expect(response.json().detail).toBe("The file is larger than the 0.1 MB limit.");
    });
  });

  it("a name full of NUL and control characters is cleaned, never stored as sent", async () => {
    const response = await attach({
      name: "rubric\u0000\u0007.pdf",
      contentType: "application/pdf",
      content: MINIMAL_PDF,
    });
    expect(response.statusCode, response.body).toBe(201);
    const names = await t.db.execute<{ original_name: string }>(
      sql`select original_name from files where district_id = ${district.id}`,
    );
    expect(names.rows.map((r) => r.original_name)).toContain("rubric.pdf");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no stored name may hold one
    expect(names.rows.every((r) => !/[\u0000-\u001f]/.test(r.original_name))).toBe(true);
  });

  it("a program named as a document is refused in plain words", async () => {
    await expectNothingLeftBy(async () => {
      const response = await attach({ name: "rubric.pdf", contentType: "application/pdf", content: WINDOWS_EXE });
      expect(response.statusCode).toBe(415);
      expectPlainMessage(response.json().detail);
    });
  });

  it("an attachment cut off mid-file leaves nothing and says the upload did not finish", async () => {
    await expectNothingLeftBy(async () => {
      const content = Buffer.concat([MINIMAL_PDF, Buffer.alloc(LIMIT_BYTES / 2, 0x20)]);
      const form = multipartForm({}, [{ name: "rubric.pdf", contentType: "application/pdf", content }]);
      const cut = form.payload.subarray(0, form.payload.length - Math.floor(LIMIT_BYTES / 4));
      const response = await send(cut, form.headers);
      expect(response.statusCode, response.body).toBe(400);
      expectPlainMessage(response.json().detail);
      expect(response.json().detail).toMatch(/did not arrive whole/);
    });
  });
});
