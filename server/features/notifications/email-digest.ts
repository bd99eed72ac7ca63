import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sendMail } from "../../mail/send-mail";

type Pending = { person_id: string; district_id: string; email: string; display_name: string; lines: string[] };

/**
 * Emails each person who has not opted out one message listing their unread notifications not yet
 * emailed, and marks them emailed. Returns how many digests went out.
 */
export async function sendNotificationDigests(
  db: Db,
  options: { smtpConfigured: boolean; baseUrl: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const pending = await tx.execute<Pending>(sql`
      select p.id as person_id, p.district_id, p.email, p.display_name,
             array_agg(n.title || ' — ' || ${options.baseUrl} || n.link order by n.created_at) as lines
        from notifications n
        join people p on p.id = n.person_id and p.status = 'active'
        left join notification_settings s on s.person_id = p.id
       where n.read_at is null and n.emailed_at is null and coalesce(s.email_digest, true)
       group by p.id`);
    for (const person of pending.rows) {
      await sendMail(
        tx,
        {
          districtId: person.district_id,
          to: person.email,
          subject: `Collective: ${person.lines.length} new notification${person.lines.length === 1 ? "" : "s"}`,
          text: `Hello ${person.display_name},\n\n${person.lines.map((l) => `- ${l}`).join("\n")}\n\nTo stop these emails, turn off the email digest on your profile page.\n`,
        },
        options,
      );
    }
    await tx.execute(sql`
      update notifications n set emailed_at = now()
        from people p left join notification_settings s on s.person_id = p.id
       where p.id = n.person_id and n.read_at is null and n.emailed_at is null and coalesce(s.email_digest, true)`);
    return pending.rows.length;
  });
}
