import { sql } from "drizzle-orm";
import type { MeetingDetail } from "../../../contract/meetings";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { sendMail } from "../../mail/send-mail";
import { summaryText } from "./summary-pdf";

/** Emails a meeting's summary, with a link to its page, to every active member of its community. */
export async function emailSummary(
  db: Db,
  context: ActorContext,
  detail: MeetingDetail,
  options: { link: string; smtpConfigured: boolean },
): Promise<void> {
  const recipients = await db.execute<{ email: string }>(sql`
    select p.email from community_members cm join people p on p.id = cm.person_id
     where cm.community_id = ${detail.communityId} and p.status = 'active'`);
  const text = `${summaryText(detail)}\n\nThe meeting page and its PDF summary: ${options.link}\n`;
  await db.transaction(async (tx) => {
    for (const { email } of recipients.rows) {
      await sendMail(
        tx,
        {
          districtId: context.actor.districtId,
          to: email,
          subject: `Summary: ${detail.communityName}, ${detail.title}`,
          text,
        },
        { smtpConfigured: options.smtpConfigured },
      );
    }
    await recordAudit(tx, context, {
      action: "meeting.summary_emailed",
      subjectType: "meeting",
      subjectId: detail.id,
      details: { recipients: recipients.rows.length },
    });
  });
}
