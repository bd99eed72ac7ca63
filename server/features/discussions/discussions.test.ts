import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityMembers, outbox } from "../../db/schema";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { sendNotificationDigests } from "../notifications/email-digest";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let author: TestPerson;
let member: TestPerson;
let outsider: TestPerson;
let communityId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const handle = (person: TestPerson) => person.email.split("@")[0];

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  author = await buildPerson(t.db, district, "teacher");
  member = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/communities",
    headers: await as(author),
    payload: { name: "Reading team", kind: "grade_level", schoolIds: [district.schools.elementary.id] },
  });
  communityId = created.json().id;
  await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: member.id });
});
afterAll(async () => t?.close());

describe("discussions", () => {
  it("threads and replies, with @mentions that notify only those who may read", async () => {
    const started = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${communityId}/threads`,
      headers: await as(author),
      payload: {
        title: "Fluency routines",
        body: `Which **fluency** routines work? @${handle(member)} @${handle(outsider)}`,
      },
    });
    expect(started.statusCode, started.body).toBe(201);
    const thread = started.json();
    expect(thread.bodyHtml).toContain("<strong>fluency</strong>");
    const memberBell = (await app.inject({ url: "/api/v1/me/notifications", headers: await as(member) })).json();
    expect(memberBell.unread).toBe(1);
    expect(memberBell.items[0]).toMatchObject({ kind: "mention", link: `/discussions/${thread.id}` });
    const outsiderBell = (await app.inject({ url: "/api/v1/me/notifications", headers: await as(outsider) })).json();
    expect(outsiderBell.unread).toBe(0);
    expect((await app.inject({ url: `/api/v1/threads/${thread.id}`, headers: await as(outsider) })).statusCode).toBe(
      404,
    );

    const replied = await app.inject({
      method: "POST",
      url: `/api/v1/threads/${thread.id}/replies`,
      headers: await as(member),
      payload: { body: "Partner reading with a timer has worked for my class." },
    });
    expect(replied.json()).toMatchObject({ replyCount: 1, replies: [{ author: { id: member.id } }] });
    const authorBell = (await app.inject({ url: "/api/v1/me/notifications", headers: await as(author) })).json();
    expect(authorBell.items[0]).toMatchObject({ kind: "reply" });
    await app.inject({
      method: "POST",
      url: "/api/v1/me/notifications/read",
      headers: await as(author),
      payload: { all: true },
    });
    expect((await app.inject({ url: "/api/v1/me/notifications", headers: await as(author) })).json().unread).toBe(0);
  });

  it("sanitizes markdown: no script, event handler or javascript: URL survives", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/forum/threads",
      headers: await as(author),
      payload: {
        title: "Attack",
        body: '<script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>',
      },
    });
    const html: string = response.json().bodyHtml;
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    const reply = await app.inject({
      method: "POST",
      url: `/api/v1/threads/${response.json().id}/replies`,
      headers: await as(member),
      payload: { body: "[ok](https://example.org) [bad](javascript:alert(1))" },
    });
    const replyHtml: string = reply.json().replies[0].bodyHtml;
    expect(replyHtml).toContain('href="https://example.org"');
    expect(replyHtml).not.toMatch(/href="javascript/i);
  });

  it("finds threads and replies by words in their body, only where the searcher may read", async () => {
    const forum = await app.inject({
      method: "POST",
      url: "/api/v1/forum/threads",
      headers: await as(outsider),
      payload: { title: "Manipulatives", body: "Our base-ten blocks help students regroup." },
    });
    expect(forum.statusCode).toBe(201);
    const search = async (person: TestPerson, q: string) =>
      (
        await app.inject({ url: `/api/v1/discussions/search?q=${encodeURIComponent(q)}`, headers: await as(person) })
      ).json().items;
    expect((await search(member, "blocks")).map((h: { kind: string; title: string }) => [h.kind, h.title])).toEqual([
      ["thread", "Manipulatives"],
    ]);
    expect((await search(author, "timer")).map((h: { kind: string }) => h.kind)).toEqual(["reply"]);
    expect(await search(outsider, "timer")).toEqual([]);
    expect((await search(member, "routine")).map((h: { title: string }) => h.title)).toContain("Fluency routines");
  });

  it("emails a digest of unread notifications, unless the person opted out", async () => {
    const optedOut = await buildPerson(t.db, district, "teacher");
    await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: optedOut.id });
    await app.inject({
      method: "PUT",
      url: "/api/v1/me/notification-settings",
      headers: await as(optedOut),
      payload: { emailDigest: false },
    });
    await app.inject({
      method: "POST",
      url: `/api/v1/communities/${communityId}/threads`,
      headers: await as(author),
      payload: { title: "Digest check", body: `@${handle(member)} @${handle(optedOut)} please look` },
    });
    const sent = await sendNotificationDigests(t.db, { smtpConfigured: false, baseUrl: "https://collective.example" });
    expect(sent).toBeGreaterThanOrEqual(1);
    const toMember = await t.db.select().from(outbox).where(eq(outbox.toAddress, member.email));
    expect(toMember.at(-1)?.textBody).toContain("https://collective.example/discussions/");
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, optedOut.email))).toHaveLength(0);
    expect(await sendNotificationDigests(t.db, { smtpConfigured: false, baseUrl: "x" })).toBe(0);
  });
});
