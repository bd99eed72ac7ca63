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
let teacher: TestPerson;

const LIMIT_BYTES = Math.floor(0.1 * 1024 * 1024);

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: "0.1" } });
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
});
afterAll(async () => t?.close());

function resourceForm(file: FormFile) {
  return multipartForm({ resource: JSON.stringify({ kind: "file", title: "Handout", scope: "district" }) }, [file]);
}

async function send(payload: Buffer, headers: Record<string, string>) {
  return app.inject({
    method: "POST",
    url: "/api/v1/resources",
    payload,
    headers: { ...headers, ...(await sessionHeaders(t.db, teacher)) },
  });
}

/** Every file under DATA_DIR/uploads, the temporary folder's included. */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(t.dataDir, "uploads");
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function rowCounts() {
  const result = await t.db.execute<{ resources: number; files: number }>(sql`
    select (select count(*)::int from resources where district_id = ${district.id}) as resources,
           (select count(*)::int from files where district_id = ${district.id}) as files`);
  return result.rows[0];
}

/** Runs a hostile upload and checks that it left no file (stored or temporary) and no row. */
async function expectNothingLeftBy(attempt: () => Promise<void>) {
  const [disk, rows] = [await filesOnDisk(), await rowCounts()];
  await attempt();
  expect(await filesOnDisk()).toEqual(disk);
  expect(await rowCounts()).toEqual(rows);
  expect(await readdir(path.join(t.dataDir, "uploads", "tmp")).catch(() => [])).toEqual([]);
}

/** A plain message: one sentence or two for a person, no stack, no code, no path. */
function expectPlainMessage(detail: unknown) {
  expect(typeof detail).toBe("string");
  expect(detail).not.toMatch(/FST_|Error:|\bat \S+:\d+|\/tmp\/|uploads\//);
  expect(detail).not.toContain("\u0000");
}

describe("hostile library uploads", () => {
  it("a file past the limit is refused as too large, whatever its name claims", async () => {
    await expectNothingLeftBy(async () => {
      const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(LIMIT_BYTES * 3, 0x20)]);
      const form = resourceForm({ name: "small.pdf", contentType: "application/pdf", content: big });
      const response = await send(form.payload, form.headers);
      expect(response.statusCode).toBe(413);
      expect(response.json().detail).toBe("The file is larger than the 0.1 MB limit.");
    });
  });

  it("a name full of NUL and control characters is cleaned, never stored as sent", async () => {
    const form = resourceForm({
      name: "plan\u0000\u0000.pdf\u0000.exe",
      contentType: "application/pdf",
      content: MINIMAL_PDF,
    });
    const response = await send(form.payload, form.headers);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().file.name).toBe("plan.pdf.exe.pdf");
    const onlyNul = resourceForm({ name: "\u0000\u0001\u0002", contentType: "application/pdf", content: MINIMAL_PDF });
    const unnamed = await send(onlyNul.payload, onlyNul.headers);
    expect(unnamed.statusCode, unnamed.body).toBe(201);
    expect(unnamed.json().file.name).toBe("file.pdf");
  });

  it("a misleading name does not make a program a document, nor a document a program", async () => {
    await expectNothingLeftBy(async () => {
      const form = resourceForm({ name: "report.pdf", contentType: "application/pdf", content: WINDOWS_EXE });
      const response = await send(form.payload, form.headers);
      expect(response.statusCode).toBe(415);
      expectPlainMessage(response.json().detail);
    });
    const form = resourceForm({
      name: "invoice\u202efdp.exe",
      contentType: "application/x-msdownload",
      content: MINIMAL_PDF,
    });
    const response = await send(form.payload, form.headers);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().file).toMatchObject({ name: "invoicefdp.exe.pdf", contentType: "application/pdf" });
  });

  it("an upload cut off mid-file leaves nothing and says the upload did not finish", async () => {
    await expectNothingLeftBy(async () => {
      const content = Buffer.concat([MINIMAL_PDF, Buffer.alloc(LIMIT_BYTES / 2, 0x20)]);
      const form = resourceForm({ name: "unit.pdf", contentType: "application/pdf", content });
      const cut = form.payload.subarray(0, form.payload.length - Math.floor(LIMIT_BYTES / 4));
      const response = await send(cut, form.headers);
      expect(response.statusCode, response.body).toBe(400);
      expectPlainMessage(response.json().detail);
      expect(response.json().detail).toMatch(/did not arrive whole/);
    });
  });
});
