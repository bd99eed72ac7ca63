import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/**
 * The latest email to this address as its recipient gets it: the delivery job's full text when it has one
 * (the outbox keeps the text without sign-in links), else the outbox's. Links reach tests only through
 * delivery, so a test app that follows them sets SMTP_URL.
 */
export async function deliveredText(db: Db, to: string): Promise<string> {
  const result = await db.execute<{ text: string }>(sql`
    select coalesce(j.payload->'secret'->>'text', o.text_body) as text
      from outbox o
      left join jobs j on j.kind = 'mail.deliver' and j.payload->>'outboxId' = o.id::text
     where o.to_address = ${to}
     order by o.created_at desc limit 1`);
  const row = result.rows[0];
  if (!row) throw new Error(`no email to ${to}`);
  return row.text;
}
