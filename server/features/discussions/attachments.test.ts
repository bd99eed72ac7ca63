import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityMembers } from "../../db/schema";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { multipartForm } from "../../test/multipart";
import { WINDOWS_EXE } from "../../test/sample-files";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let author: TestPerson;
let member: TestPerson;
let outsider: TestPerson;
let threadId: string;
const as = (person: TestPerson) => sessionHeaders(t.db, person);

function filesOnDisk(): string[] {
  const root = path.join(t.dataDir, "uploads");
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

async function upload(person: TestPerson, url: string, name: string, contentType: string, content: Buffer | string) {
  const form = multipartForm({}, [{ name, contentType, content }]);
  return app.inject({
    method: "POST",
    url,
    payload: form.payload,
    headers: { ...(await as(person)), ...form.headers },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  author = await buildPerson(t.db, district, "teacher");
  member = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  const community = await app.inject({
    method: "POST",
    url: "/api/v1/communities",
    headers: await as(author),
    payload: { name: "Science team", kind: "content_area", schoolIds: [district.schools.high.id] },
  });
  await t.db
    .insert(communityMembers)
    .values({ districtId: district.id, communityId: community.json().id, personId: member.id });
  const thread = await app.inject({
    method: "POST",
    url: `/api/v1/communities/${community.json().id}/threads`,
    headers: await as(author),
    payload: { title: "Lab rubric", body: "Draft attached." },
  });
  threadId = thread.json().id;
});
afterAll(async () => t?.close());

describe("discussion attachments", () => {
  it("the author attaches a file that members, and only members, can download", async () => {
    const response = await upload(
      author,
      `/api/v1/threads/${threadId}/attachments`,
      "rubric.csv",
      "text/csv",
      "criterion,level\nclaim,3\n",
    );
    expect(response.statusCode, response.body).toBe(201);
    const [attachment] = response.json().attachments;
    expect(attachment).toMatchObject({ name: "rubric.csv", contentType: "text/csv; charset=utf-8", byteSize: 24 });
    const download = await app.inject({ url: `/api/v1/files/${attachment.id}`, headers: await as(member) });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("criterion,level\nclaim,3\n");
    expect(download.headers["content-disposition"]).toContain("rubric.csv");
    expect((await app.inject({ url: `/api/v1/files/${attachment.id}`, headers: await as(outsider) })).statusCode).toBe(
      404,
    );
  });

  it("attaches to a reply by its author only", async () => {
    const replied = await app.inject({
      method: "POST",
      url: `/api/v1/threads/${threadId}/replies`,
      headers: await as(member),
      payload: { body: "My version:" },
    });
    const replyId = replied.json().replies[0].id;
    const url = `/api/v1/threads/${threadId}/replies/${replyId}/attachments`;
    expect((await upload(author, url, "x.txt", "text/plain", "not mine")).statusCode).toBe(404);
    const mine = await upload(member, url, "notes.txt", "text/plain", "Claim, evidence, reasoning.");
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().replies[0].attachments).toHaveLength(1);
  });

  it("refuses a disallowed type and leaves nothing behind", async () => {
    const before = filesOnDisk();
    const rows = async () => (await t.db.execute<{ n: number }>(sql`select count(*) as n from files`)).rows[0]?.n;
    const count = await rows();
    const refused = await upload(
      author,
      `/api/v1/threads/${threadId}/attachments`,
      "setup.png",
      "image/png",
      WINDOWS_EXE,
    );
    expect(refused.statusCode).toBe(415);
    expect(refused.json().errors[0].pointer).toBe("/body/file");
    expect(filesOnDisk()).toEqual(before);
    expect(await rows()).toBe(count);
  });
});
