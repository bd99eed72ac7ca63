import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test/test-app";
import { DEMO_TIME_ZONE } from "./demo-calendar";
import { seedDemoDistrict } from "./demo-district";

/*
 * The demo lives in the present: seeded on any day of the year, at any hour, its next meetings lie ahead,
 * its progress data ends within the last week, and few of its plans are overdue for review. These are the
 * guard's moments (scripts/clock-guard.mjs runs the suite's date-sensitive tests with the system clock set
 * to the same ones): the first school day of September, mid-December, the start of March and of July, early
 * morning and late evening in the district's time zone, and just after midnight UTC.
 */
const GUARD_MOMENTS = [
  "2027-09-01T07:10:00-05:00",
  "2026-12-15T22:40:00-06:00",
  "2027-03-01T00:05:00Z",
  "2027-07-01T06:30:00-05:00",
  "2027-01-03T23:55:00-06:00",
];

/** Each moment's plans by kind, tier and status, and its sessions by attendance: the demo's story in numbers. */
const stories = new Map<string, unknown>();

describe.each(GUARD_MOMENTS)("the demo seeded at %s", (moment) => {
  const at = new Date(moment);
  const today = DateTime.fromJSDate(at, { zone: DEMO_TIME_ZONE }).toISODate() as string;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDistrict(t.db, at);
  });
  afterAll(async () => t?.close());

  it("tells its story with the same numbers as on any other day", async () => {
    const plans = await t.db.execute(sql`
      select kind::text, tier, status::text, count(*)::int as n from intervention_plans group by 1, 2, 3 order by 1, 2, 3`);
    const sessions = await t.db.execute(sql`
      select attendance::text, count(*)::int as n from intervention_sessions group by 1 order by 1`);
    stories.set(moment, { plans: plans.rows, sessions: sessions.rows });
    const first = stories.get(GUARD_MOMENTS[0] as string);
    expect(stories.get(moment)).toEqual(first);
  });

  it("has every community's next meeting ahead", async () => {
    const rows = await t.db.execute<{ name: string; next: string | null }>(sql`
      select c.name, (select min(m.starts_at) from meetings m
                       where m.community_id = c.id and m.status = 'scheduled' and m.starts_at > ${at.toISOString()}::timestamptz)::text as next
        from communities c order by c.name`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) expect(row.next, row.name).not.toBeNull();
    const past = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from meetings where status = 'scheduled' and ends_at < ${at.toISOString()}::timestamptz`);
    expect(past.rows[0]?.n).toBe(0);
  });

  it("has progress data that ends within the last week, and nothing dated after today", async () => {
    const rows = await t.db.execute<{ latest: string; future: number; sessions_after: number }>(sql`
      select (select max(s.measured_on)::text from progress_scores s
                join intervention_plans p on p.id = s.plan_id and p.status = 'active') as latest,
             (select count(*)::int from progress_scores where measured_on >= ${today}::date) as future,
             (select count(*)::int from intervention_sessions where session_on >= ${today}::date) as sessions_after`);
    const row = rows.rows[0];
    const age = DateTime.fromISO(today).diff(DateTime.fromISO(row?.latest ?? "1970-01-01"), "days").days;
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThanOrEqual(7);
    expect(row?.future).toBe(0);
    expect(row?.sessions_after).toBe(0);
  });

  it("has fewer than a quarter of its active plans overdue for review", async () => {
    const rows = await t.db.execute<{ active: number; overdue: number }>(sql`
      select count(*)::int as active, count(*) filter (where review_date < ${today}::date)::int as overdue
        from intervention_plans where status = 'active'`);
    const row = rows.rows[0];
    expect(row?.active).toBeGreaterThan(10);
    expect((row?.overdue ?? 0) / (row?.active ?? 1)).toBeLessThan(0.25);
  });

  it("has a flagged tier-2 plan for Mateo with a Spanish note from his mother, written before today", async () => {
    const rows = await t.db.execute<{ tier: number; language: string; written: string }>(sql`
      select p.tier, n.language, n.created_at::text as written from intervention_plans p
        join students s on s.id = p.student_id and s.given_name = 'Mateo' and s.family_name = 'Torres'
        join family_notes n on n.plan_id = p.id
       where p.status = 'active'`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ tier: 2, language: "es" });
    expect(new Date(rows.rows[0]?.written ?? "").getTime()).toBeLessThan(at.getTime());
  });

  it("has assessments given this school year and before today", async () => {
    const rows = await t.db.execute<{ first: string; last: string; year_start: string; year_end: string }>(sql`
      select min(a.given_on)::text as first, max(a.given_on)::text as last,
             (select start_date::text from terms where type = 'schoolYear') as year_start,
             (select end_date::text from terms where type = 'schoolYear') as year_end
        from assessments a`);
    const row = rows.rows[0];
    expect(row?.last && row.last < today).toBe(true);
    expect(row?.first && row.year_start && row.first >= row.year_start).toBe(true);
    expect(row?.year_end && row.year_end > today).toBe(true);
  });
});
