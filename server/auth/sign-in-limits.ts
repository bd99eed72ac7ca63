import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { isRateLimited, recordFailedAttempt } from "./rate-limit";

/*
 * Failed password checks (sign-in, and the current password when changing it) are limited two ways:
 * - per account and address, with backoff: FREE_FAILURES tries, then a wait that doubles with every further
 *   failure (30 s, 1 min, 2 min … at most 15 min), cleared by a success. Strangers who fail an account's
 *   sign-in hold back only their own addresses, so the owner from their own address is never locked out.
 * - per address across accounts (fixed window), against one address spraying guesses over many accounts.
 *   It is generous because a school's staff often share one public address.
 * There is deliberately no limit per account from every address: that is what let anyone lock an account.
 */
const FREE_FAILURES = 5;
const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 15 * 60;
/** A backoff that has seen no failure for this long starts again from nothing. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;
const ADDRESS_LIMIT = 30;
const ADDRESS_WINDOW_SECONDS = 600;

function accountAddressKey(email: string, ip: string): string {
  return `sign-in:account-address:${email.toLowerCase()}|${ip}`;
}
function addressKey(ip: string): string {
  return `sign-in:ip:${ip}`;
}

/** How long to wait after `failures` consecutive failures (0 while still within the free tries). */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/** Whether this address may check a password of this account now; if not, how many seconds to wait. */
export async function checkPasswordLimits(
  db: Db,
  email: string,
  ip: string,
): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const address = await isRateLimited(db, [addressKey(ip)], ADDRESS_LIMIT, ADDRESS_WINDOW_SECONDS);
  // For a backoff key, window_start is the time of the last failure and hits the consecutive failures.
  const result = await db.execute<{ hits: number; since: number }>(sql`
    select hits, extract(epoch from (now() - window_start))::float8 as since
      from rate_limits where key = ${accountAddressKey(email, ip)}`);
  const row = result.rows[0];
  const remaining = row ? Math.ceil(backoffSeconds(row.hits) - Number(row.since)) : 0;
  const retryAfterSeconds = Math.max(address.limited ? address.retryAfterSeconds : 0, remaining);
  return { limited: address.limited || remaining > 0, retryAfterSeconds: Math.max(1, retryAfterSeconds) };
}

/** Counts one failed password check against the account-and-address backoff and the address's window. */
export async function recordPasswordFailure(db: Db, email: string, ip: string): Promise<void> {
  await recordFailedAttempt(db, [addressKey(ip)], ADDRESS_WINDOW_SECONDS);
  await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${accountAddressKey(email, ip)}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= now() - make_interval(secs => ${FORGET_AFTER_SECONDS})
                  then 1 else rate_limits.hits + 1 end,
      window_start = now()`);
}

/** A correct password clears the backoff of this account from this address. */
export async function clearPasswordFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${accountAddressKey(email, ip)}`);
}
