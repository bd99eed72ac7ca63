import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "./app";
import { now, nowMs } from "./clock";
import { type Config, publicBaseUrl } from "./config";
import type { Db } from "./db/client";
import { openDatabase } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { seedDemoDistrict } from "./demo/demo-district";
import { sendNotificationDigests } from "./features/notifications/email-digest";
import { runReminders } from "./features/notifications/reminders";
import { markImportsLeftRunning } from "./features/rosters/interrupted-imports";
import { removeAbandonedUploads } from "./http/upload-tmp";
import { WEB_DIST } from "./http/web-app";
import { type JobHandler, startJobRunner } from "./jobs/queue";
import { ensureScheduled, nextUtcHour } from "./jobs/recurring";
import { mailDeliveryJob } from "./mail/deliver-mail";

/** How often reminders are looked for: a meeting's one-hour reminder comes at most this late. */
const REMINDER_EVERY_MS = 5 * 60_000;

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set). */
export function openConfiguredDatabase(config: Config) {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, "pglite"),
    pgliteSnapshot: config.pgliteTemplate,
  });
}

/** Builds the web app once if there is no build yet (a fresh clone), so `npm start` needs nothing else. */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  if (existsSync(path.join(WEB_DIST, "index.html"))) return;
  log("Building the web app (first start only)…");
  const { build } = await import("vite");
  await build({ configFile: path.resolve(WEB_DIST, "../../vite.config.ts"), logLevel: "warn" });
}

/** Migrates, then serves the API and web app until the process is stopped. */
export async function serve(
  config: Config,
  onListening?: (url: string) => Promise<void> | void,
  options: { seedDemoOnFirstStart?: boolean } = {},
) {
  const database = await openConfiguredDatabase(config);
  await migrateDatabase(database.db);
  await removeAbandonedUploads(config.dataDir);
  // Before this process can start one: runs left "running" by a process that died are failed, not left hanging.
  await markImportsLeftRunning(database.db);
  if (options.seedDemoOnFirstStart && (await isEmptyInstallation(database.db))) await seedDemoDistrict(database.db);
  const app = await buildApp({ database, config });
  const handlers: Record<string, JobHandler> = {};
  if (config.smtpUrl) handlers["mail.deliver"] = mailDeliveryJob(config.smtpUrl, config.mailFrom);
  // The daily email digest of unread notifications, at 22:00 UTC (the afternoon across the Americas).
  handlers["notifications.digest"] = async (db) => {
    await sendNotificationDigests(db, {
      smtpConfigured: Boolean(config.smtpUrl),
      baseUrl: publicBaseUrl(config),
    });
    await ensureScheduled(db, "notifications.digest", nextUtcHour(22));
  };
  await ensureScheduled(database.db, "notifications.digest", nextUtcHour(22));
  // Reminders (meetings soon, action items due, decision rules fired), every few minutes from any process: each
  // notice carries its occasion's key, so processes running them at once still send each one once.
  handlers["notifications.remind"] = async (db) => {
    await runReminders(db, now(), { smtpConfigured: Boolean(config.smtpUrl), baseUrl: publicBaseUrl(config) });
    await ensureScheduled(db, "notifications.remind", new Date(nowMs() + REMINDER_EVERY_MS));
  };
  await ensureScheduled(database.db, "notifications.remind", now());
  const stopJobs = startJobRunner(database.db, handlers, app.log);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // PORT=0 asks the system for a free port; links in email must name the one it gave.
  config.port = port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  await onListening?.(url);
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return { app, database, url };
}

/** First start: no district at all yet. */
async function isEmptyInstallation(db: Db): Promise<boolean> {
  const result = await db.execute(sql`select 1 from districts limit 1`);
  return result.rows.length === 0;
}
