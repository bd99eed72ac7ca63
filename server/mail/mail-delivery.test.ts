import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, outbox } from "../db/schema";
import { runDueJobs } from "../jobs/queue";
import { buildDistrict, buildPerson } from "../test/factories";
import { createTestApp, sessionHeaders } from "../test/test-app";
import { createTestDatabase } from "../test/test-db";
import { mailDeliveryJob } from "./deliver-mail";
import { REDACTED, sendMail } from "./send-mail";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let smtp: SMTPServer;
let smtpUrl: string;
const received: string[] = [];
const log = pino({ level: "silent" });

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on("end", () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database?.close();
});

describe("email", () => {
  it("is held in the outbox when no SMTP server is configured", async () => {
    const district = await buildDistrict(database.db);
    const id = await sendMail(
      database.db,
      { districtId: district.id, to: "a@x.example", subject: "Hi", text: "Body" },
      { smtpConfigured: false },
    );
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe("held");
    expect(await database.db.select().from(jobs)).toHaveLength(0);
  });

  it("is delivered over SMTP by a background job, and marked sent", async () => {
    const district = await buildDistrict(database.db);
    const id = await sendMail(
      database.db,
      { districtId: district.id, to: "teacher@x.example", subject: "Your invitation", text: "Open the link" },
      { smtpConfigured: true },
    );
    const ran = await runDueJobs(
      database.db,
      { "mail.deliver": mailDeliveryJob(smtpUrl, "Collective <c@x.example>") },
      log,
    );
    expect(ran).toBe(1);
    expect(received.at(-1)).toContain("Subject: Your invitation");
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "sent" });
    expect(await runDueJobs(database.db, {}, log)).toBe(0);
  });

  it("marks a failed delivery and retries it later", async () => {
    const district = await buildDistrict(database.db);
    const id = await sendMail(
      database.db,
      { districtId: district.id, to: "b@x.example", subject: "S", text: "T" },
      { smtpConfigured: true },
    );
    const deadServer = "smtp://127.0.0.1:1";
    await runDueJobs(database.db, { "mail.deliver": mailDeliveryJob(deadServer, "c@x.example") }, log);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe("failed");
    const [job] = await database.db.select().from(jobs).where(eq(jobs.kind, "mail.deliver")).orderBy(jobs.createdAt);
    const pending = await database.db.select().from(jobs);
    const retry = pending.find((j) => j.doneAt === null);
    expect(retry?.attempts).toBe(1);
    expect(retry?.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(job).toBeDefined();
  });
});

describe("sign-in links in email", () => {
  const TOKEN_LINK = /\/(invite|reset-password)\/([\w-]{16,})/;

  /** Everything a district leader can read of the outbox for this address: the list, searched, and each message. */
  async function outboxAsLeader(
    app: Awaited<ReturnType<typeof createTestApp>>["app"],
    leader: { id: string; districtId: string },
    email: string,
  ) {
    const headers = await sessionHeaders(database.db, leader);
    const list = await app.inject({ url: `/api/v1/outbox?q=${encodeURIComponent(email)}`, headers });
    expect(list.statusCode, list.body).toBe(200);
    const bodies = [list.body];
    for (const item of list.json().items as { id: string }[]) {
      bodies.push((await app.inject({ url: `/api/v1/outbox/${item.id}`, headers })).body);
    }
    return bodies;
  }

  it("reach only the recipient: leaders never read a usable token, SMTP delivery carries the real link", async () => {
    const t = await createTestApp({ database, env: { SMTP_URL: smtpUrl } });
    try {
      const district = await buildDistrict(database.db);
      const leader = await buildPerson(database.db, district, "district_leader");
      const teacher = await buildPerson(database.db, district, "teacher");
      const invited = await buildPerson(database.db, district, "teacher", { status: "invited" });
      const reset = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/password-reset",
        payload: { email: teacher.email },
      });
      expect(reset.statusCode).toBe(202);
      const invite = await t.app.inject({
        method: "POST",
        url: `/api/v1/people/${invited.id}/invite`,
        headers: await sessionHeaders(database.db, leader),
      });
      expect(invite.statusCode, invite.body).toBeLessThan(300);

      for (const email of [teacher.email, invited.email]) {
        const bodies = await outboxAsLeader(t.app, leader, email);
        expect(bodies.join("\n")).toContain(REDACTED);
        expect(bodies.join("\n")).not.toMatch(TOKEN_LINK);
      }
      const stored = await database.db.select().from(outbox);
      expect(stored.map((m) => m.textBody).join("\n")).not.toMatch(TOKEN_LINK);

      const before = received.length;
      await runDueJobs(database.db, { "mail.deliver": mailDeliveryJob(smtpUrl, "Collective <c@x.example>") }, log);
      const delivered = received.slice(before);
      const resetMail = delivered.find((m) => m.includes(teacher.email)) ?? "";
      const inviteMail = delivered.find((m) => m.includes(invited.email)) ?? "";
      const resetToken = resetMail.replace(/=\r?\n/g, "").match(TOKEN_LINK)?.[2];
      const inviteToken = inviteMail.replace(/=\r?\n/g, "").match(TOKEN_LINK)?.[2];
      expect(resetToken).toBeDefined();
      expect(inviteToken).toBeDefined();
      const info = await t.app.inject({ url: `/api/v1/invites/${inviteToken}` });
      expect(info.statusCode, info.body).toBe(200);

      // Once sent, the outbox keeps who, what and when but not the body; the job keeps no secret.
      for (const email of [teacher.email, invited.email]) {
        const bodies = await outboxAsLeader(t.app, leader, email);
        expect(bodies.join("\n")).not.toMatch(TOKEN_LINK);
        expect(bodies.join("\n")).toContain('"status":"sent"');
        expect(bodies.join("\n")).toContain('"textBody":""');
      }
      const done = await database.db.select().from(jobs).where(eq(jobs.kind, "mail.deliver"));
      expect(JSON.stringify(done.map((j) => j.payload))).not.toMatch(TOKEN_LINK);
    } finally {
      await t.close();
    }
  });

  it("are kept nowhere without SMTP, and links in messages from before are hidden when shown", async () => {
    const t = await createTestApp({ database });
    try {
      const district = await buildDistrict(database.db);
      const leader = await buildPerson(database.db, district, "district_leader");
      const teacher = await buildPerson(database.db, district, "teacher");
      await t.app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email: teacher.email } });
      const legacy = "old.invite@x.example";
      await database.db.insert(outbox).values({
        districtId: district.id,
        toAddress: legacy,
        subject: "You are invited",
        textBody: "Open http://localhost:3000/invite/abcdefghijklmnopqrstuvwxyz0123456789_- soon",
        status: "held",
      });
      for (const email of [teacher.email, legacy]) {
        const bodies = await outboxAsLeader(t.app, leader, email);
        expect(bodies.join("\n")).toContain(REDACTED);
        expect(bodies.join("\n")).not.toMatch(TOKEN_LINK);
      }
      const [held] = await database.db.select().from(outbox).where(eq(outbox.toAddress, teacher.email));
      expect(held?.status).toBe("held");
      expect(held?.textBody).not.toMatch(TOKEN_LINK);
    } finally {
      await t.close();
    }
  });
});
