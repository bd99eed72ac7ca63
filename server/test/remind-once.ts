// A process of its own that looks for reminders once, as a server's job would, at the time it is given:
// `tsx server/test/remind-once.ts <postgres url> <ISO time>`. The reminders test runs two at once.
import { openDatabase } from "../db/client";
import { runReminders } from "../features/notifications/reminders";

const [url, at] = process.argv.slice(2);
if (!url || !at) throw new Error("usage: remind-once.ts <database url> <ISO time>");
const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
try {
  const sent = await runReminders(database.db, new Date(at), {
    smtpConfigured: false,
    baseUrl: "https://collective.example",
  });
  process.stdout.write(`sent ${sent}\n`);
} finally {
  await database.close();
}
