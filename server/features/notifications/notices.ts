import { sql } from "drizzle-orm";
import { type Channels, DEFAULT_CHANNELS, type NotificationKind } from "../../../contract/notifications";
import { newToken } from "../../auth/tokens";
import type { Db } from "../../db/client";
import { notifications } from "../../db/schema";
import { sendMail } from "../../mail/send-mail";

/** One notice to one person. */
export type Notice = {
  districtId: string;
  personId: string;
  kind: NotificationKind;
  title: string;
  /** The app's path to the record (the email names it in full from configuration, never from a request). */
  link: string;
  actorId: string | null;
  /**
   * What it is about, once per person ("meeting:<id>:<start>:24h"): any number of server processes may decide to
   * send it; the database lets one through (notifications_dedupe_uq), and only that one is emailed.
   */
  dedupeKey?: string;
  /** More for the email than the title (a meeting's agenda), in plain words. */
  detail?: string;
};

/** Where email links point and whether SMTP delivers them; null sends no email at once (the digest may). */
export type NoticeMail = { smtpConfigured: boolean; baseUrl: string } | null;

type Recipient = {
  id: string;
  email: string | null;
  display_name: string;
  language: string;
  active: boolean;
  channels: Partial<Record<NotificationKind, Channels>> | null;
};

/** An email's own words, in the recipient's language (the notice's title is already in it). */
const EMAIL_WORDS: Record<string, { hello: (name: string) => string; open: string; choose: string }> = {
  en: {
    hello: (name) => `Hello ${name},`,
    open: "Open it:",
    choose: "Choose which notices reach you, and how, on your profile:",
  },
  es: {
    hello: (name) => `Hola, ${name}:`,
    open: "Ábralo aquí:",
    choose: "Elija qué avisos le llegan, y cómo, en su perfil:",
  },
};

/** A person's channels for a kind: their choice where they made one, else the kind's default. */
export function channelsFor(settings: Recipient["channels"], kind: NotificationKind): Channels {
  return { ...DEFAULT_CHANNELS[kind], ...(settings?.[kind] ?? {}) };
}

/** The person's unsubscribe secret, made the first time an email needs one (every process agrees on it). */
async function unsubscribeToken(db: Db, person: { id: string }, districtId: string): Promise<string> {
  const result = await db.execute<{ token: string }>(sql`
    insert into notification_settings (person_id, district_id, unsubscribe_token)
    values (${person.id}, ${districtId}, ${newToken()})
    on conflict (person_id) do update
      set unsubscribe_token = coalesce(notification_settings.unsubscribe_token, excluded.unsubscribe_token)
    returning unsubscribe_token as token`);
  const token = result.rows[0]?.token;
  if (!token) throw new Error("no unsubscribe token");
  return token;
}

/** How many notices one statement writes. */
const CHUNK = 500;

const keyOf = (n: { personId: string; dedupeKey?: string | null }) => `${n.personId}|${n.dedupeKey ?? ""}`;

/**
 * Delivers notices by each person's channels: the bell, an email at once, the daily digest (which picks up what is
 * left unemailed, and what was to be emailed at once where no mail was given). Never to the person who acted, once
 * per person in a call, and once per person and dedupeKey ever. The notices and their emails are written in one
 * transaction, a few hundred rows a statement, so a crash between deciding and sending leaves all or nothing, and
 * the outbox's delivery job sends what was queued after a restart; rows go in one order, so two processes writing
 * the same notices wait on each other instead of deadlocking. Returns how many were new.
 */
export async function sendNotices(db: Db, notices: readonly Notice[], mail: NoticeMail): Promise<number> {
  const seen = new Set<string>();
  const wanted = notices.filter((notice) => {
    const key = keyOf(notice);
    if (notice.personId === notice.actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return 0;
  const people = await db.execute<Recipient>(sql`
    select p.id, p.email, p.display_name, p.preferred_language as language, p.status = 'active' as active, s.channels
      from people p left join notification_settings s on s.person_id = p.id
     where p.id in (${sql.join(
       [...new Set(wanted.map((n) => n.personId))].map((id) => sql`${id}::uuid`),
       sql`, `,
     )})`);
  const byId = new Map(people.rows.map((row) => [row.id, row]));
  const deliveries = wanted
    .flatMap((notice) => {
      const person = byId.get(notice.personId);
      if (!person?.active) return [];
      const channels = channelsFor(person.channels, notice.kind);
      return [{ notice, person, channels, emailNow: channels.email && mail !== null && Boolean(person.email) }];
    })
    .sort((a, b) => keyOf(a.notice).localeCompare(keyOf(b.notice)));
  if (deliveries.length === 0) return 0;
  return db.transaction(async (tx) => {
    let sent = 0;
    for (let start = 0; start < deliveries.length; start += CHUNK) {
      const chunk = deliveries.slice(start, start + CHUNK);
      const inserted = await tx
        .insert(notifications)
        .values(
          chunk.map(({ notice, channels, emailNow }) => ({
            districtId: notice.districtId,
            personId: notice.personId,
            kind: notice.kind,
            title: notice.title,
            link: notice.link,
            actorId: notice.actorId,
            dedupeKey: notice.dedupeKey ?? null,
            inBell: channels.bell,
            // Emailed now, or wanted by no email at all: not for the digest.
            emailedAt: emailNow || !(channels.digest || channels.email) ? sql`now()` : null,
          })),
        )
        .onConflictDoNothing()
        .returning({ personId: notifications.personId, dedupeKey: notifications.dedupeKey });
      const fresh = new Set(inserted.map(keyOf));
      for (const { notice, person, emailNow } of chunk) {
        if (!fresh.has(keyOf(notice))) continue;
        sent++;
        if (emailNow && mail && person.email) await emailNotice(tx, notice, { ...person, email: person.email }, mail);
      }
    }
    return sent;
  });
}

/** One notice's email, in the recipient's language, with RFC 8058 one-click unsubscribe. */
async function emailNotice(
  tx: Db,
  notice: Notice,
  person: Recipient & { email: string },
  mail: NonNullable<NoticeMail>,
): Promise<void> {
  const token = await unsubscribeToken(tx, person, notice.districtId);
  const words = EMAIL_WORDS[person.language] ?? EMAIL_WORDS.en;
  if (!words) throw new Error("no email words");
  const unsubscribe = `${mail.baseUrl}/api/v1/notifications/unsubscribe?token=${token}&kind=${notice.kind}`;
  await sendMail(
    tx,
    {
      districtId: notice.districtId,
      to: person.email,
      subject: `Collective: ${notice.title}`,
      text: [
        words.hello(person.display_name),
        "",
        notice.title,
        ...(notice.detail ? ["", notice.detail] : []),
        "",
        `${words.open} ${mail.baseUrl}${notice.link}`,
        "",
        `${words.choose} ${mail.baseUrl}/profile`,
      ].join("\n"),
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      secrets: [token],
    },
    mail,
  );
}
