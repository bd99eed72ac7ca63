import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CHANNELS } from "../../../contract/notifications";
import { buildClass, buildStudent, linkFamily } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let teacher: TestPerson;
let otherTeacher: TestPerson;
let family: TestPerson;
let childId: string;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  otherTeacher = await buildPerson(t.db, district, "teacher");
  family = await buildPerson(t.db, district, "family_member");
  const classId = (await buildClass(t.db, district, { teacherIds: [teacher.id] })).id;
  await buildClass(t.db, district, { teacherIds: [otherTeacher.id] });
  const child = await buildStudent(t.db, district, { classIds: [classId], givenName: "Lucia" });
  childId = child.id;
  await linkFamily(t.db, district, family.id, child.id);
});
afterAll(async () => t?.close());

async function call(method: "GET" | "POST" | "PUT", url: string, person: TestPerson | null, payload?: object) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: person ? await sessionHeaders(t.db, person) : {},
    ...(payload ? { payload } : {}),
  });
}

async function mailTo(person: TestPerson) {
  const rows = await t.db.execute<{ subject: string; headers: Record<string, string> }>(
    sql`select subject, headers from outbox where to_address = ${person.email} order by created_at`,
  );
  return rows.rows;
}

describe("a family's note reaches the child's teacher", () => {
  it("on the bell and by email at once (the default for family notes), and nobody else", async () => {
    const sent = await call("POST", `/family/children/${childId}/notes`, family, { body: "¿Cómo va Lucía?" });
    expect(sent.statusCode, sent.body).toBe(201);
    const bell = (await call("GET", "/me/notifications", teacher)).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: "family_note", title: "A family wrote about Lucia", read: false });
    expect(bell.items[0].link).toBe(`/students/${childId}`);
    expect((await mailTo(teacher)).map((m) => m.subject)).toEqual(["Collective: A family wrote about Lucia"]);
    expect((await call("GET", "/me/notifications", otherTeacher)).json().unread).toBe(0);
    expect((await call("GET", "/me/notifications", family)).json().unread).toBe(0);
  });

  it("by the channels the teacher chose, and one-click unsubscribe turns a kind's email off", async () => {
    const settings = await call("GET", "/me/notification-settings", teacher);
    expect(settings.json().channels.family_note).toEqual(DEFAULT_CHANNELS.family_note);
    // Bell off, email kept: the next note comes by email only.
    const saved = await call("PUT", "/me/notification-settings", teacher, {
      emailDigest: true,
      channels: { family_note: { bell: false, email: true, digest: false } },
    });
    expect(saved.json().channels.family_note).toEqual({ bell: false, email: true, digest: false });
    expect(saved.json().channels.meeting_soon).toEqual(DEFAULT_CHANNELS.meeting_soon);
    await call("POST", `/family/children/${childId}/notes`, family, { body: "Gracias" });
    expect((await call("GET", "/me/notifications", teacher)).json().unread).toBe(1);
    const mails = await mailTo(teacher);
    expect(mails).toHaveLength(2);

    // The unsubscribe address in the header, posted by a mail provider from anywhere, with no session.
    const header = mails[1]?.headers["List-Unsubscribe"] ?? "";
    expect(header).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/notifications\/unsubscribe\?token=/);
    const token = (
      await t.db.execute<{ token: string }>(
        sql`select unsubscribe_token as token from notification_settings where person_id = ${teacher.id}`,
      )
    ).rows[0]?.token as string;
    const unsubscribed = await t.app.inject({
      method: "POST",
      url: `/api/v1/notifications/unsubscribe?token=${token}&kind=family_note`,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.statusCode, unsubscribed.body).toBe(200);
    expect((await call("GET", "/me/notification-settings", teacher)).json().channels.family_note).toEqual({
      bell: false,
      email: false,
      digest: false,
    });
    await call("POST", `/family/children/${childId}/notes`, family, { body: "Otra nota" });
    expect(await mailTo(teacher)).toHaveLength(2);
    const wrong = await t.app.inject({
      method: "POST",
      url: `/api/v1/notifications/unsubscribe?token=${"x".repeat(43)}&kind=family_note`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe("a conversation with a family", () => {
  it("lists a teacher's family notes, unread first, and only for students they may read", async () => {
    const inbox = (await call("GET", "/family-notes", teacher)).json();
    expect(inbox.unread).toBe(3);
    expect(inbox.items.map((n: { student: { id: string } }) => n.student.id)).toEqual([childId, childId, childId]);
    expect(inbox.items[0]).toMatchObject({ language: "en", familyLanguage: "en", replies: [] });
    expect((await call("GET", "/family-notes", otherTeacher)).json()).toEqual({ items: [], unread: 0 });
    expect((await call("GET", "/family-notes", family)).statusCode).toBe(403);
  });

  it("answers the family in their language, tells them so in it, and shows them the answer", async () => {
    await t.db.execute(sql`update people set preferred_language = 'es' where id = ${family.id}`);
    const [note] = (await call("GET", "/family-notes", teacher)).json().items;
    expect(note.familyLanguage).toBe("es");
    const refused = await call("POST", `/family-notes/${note.id}/replies`, otherTeacher, {
      body: "Hola",
      language: "es",
    });
    expect(refused.statusCode).toBe(404);
    const answered = await call("POST", `/family-notes/${note.id}/replies`, teacher, {
      body: "Lucía va muy bien en lectura.",
      language: "es",
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({
      acknowledgedBy: { id: teacher.id },
      replies: [{ body: "Lucía va muy bien en lectura.", language: "es", author: { id: teacher.id } }],
    });
    const bell = (await call("GET", "/me/notifications", family)).json();
    expect(bell.items[0]).toMatchObject({ kind: "family_reply", title: "La escuela respondió a su nota sobre Lucia" });
    const [mail] = (
      await t.db.execute<{ subject: string; text_body: string }>(
        sql`select subject, text_body from outbox where to_address = ${family.email}`,
      )
    ).rows;
    expect(mail?.subject).toBe("Collective: La escuela respondió a su nota sobre Lucia");
    expect(mail?.text_body).toContain("Ábralo aquí:");
    const support = (await call("GET", `/family/children/${childId}/support`, family)).json();
    const sent = support.notes.find((n: { id: string }) => n.id === note.id);
    expect(sent).toMatchObject({
      isAcknowledged: true,
      replies: [{ body: "Lucía va muy bien en lectura.", language: "es" }],
    });
    expect((await call("GET", "/family-notes", teacher)).json().unread).toBe(2);
  });
});
