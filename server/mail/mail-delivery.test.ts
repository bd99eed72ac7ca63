import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, outbox } from "../db/schema";
import { runDueJobs } from "../jobs/queue";
import { buildDistrict } from "../test/factories";
import { createTestDatabase } from "../test/test-db";
import { mailDeliveryJob } from "./deliver-mail";
import { sendMail } from "./send-mail";

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
