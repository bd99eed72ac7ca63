import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { surveyAnswers, surveyRespondents, surveyRounds } from "../db/schema";
import { findBuiltInInstrument } from "../features/surveys/instruments/catalog";
import type { DemoCalendar } from "./demo-calendar";
import { DEMO_LOGINS } from "./demo-district";

/** Maple Grove's staff rating their school as a learning community: last spring, this fall, and a round open now. */
const SCHOOL_ROUNDS = [
  { termLabel: "Spring", opensOn: "2026-03-02", closesOn: "2026-03-20", respondents: 12, lift: 0 },
  { termLabel: "Fall", opensOn: "2026-09-14", closesOn: "2026-10-02", respondents: 14, lift: 1 },
] as const;

/**
 * Past self-assessment rounds with enough answers to show, so the trend has two terms, and an open round of the PLC
 * continuum for the Grade 3 team. The named demo logins have not answered, so each can try the answer form.
 */
export async function seedDemoSurveys(db: Db, districtId: string, cal: DemoCalendar): Promise<void> {
  const instrument = findBuiltInInstrument("learning-communities");
  const continuum = findBuiltInInstrument("plc-continuum");
  if (!instrument || !continuum) return;
  const named = DEMO_LOGINS.map((l) => l.email);
  const context = await db.execute<{ school_id: string; team_id: string | null }>(sql`
    select s.id as school_id,
           (select c.id from communities c where c.district_id = ${districtId} and c.name = 'Grade 3 team') as team_id
      from schools s where s.district_id = ${districtId} and s.level = 'elementary' limit 1`);
  const ctx = context.rows[0];
  if (!ctx) return;
  const staff = await db.execute<{ id: string }>(sql`
    select distinct p.id, p.email from people p join role_assignments ra on ra.person_id = p.id
     where ra.school_id = ${ctx.school_id} and ra.role in ('school_leader', 'coach', 'teacher', 'support_staff')
       and p.email not in (${sql.join(
         named.map((e) => sql`${e}`),
         sql`, `,
       )})
     order by p.email`);
  for (const round of SCHOOL_ROUNDS) {
    const [row] = await db
      .insert(surveyRounds)
      .values({
        districtId,
        instrumentKey: instrument.key,
        title: instrument.title,
        items: instrument.items,
        schoolId: ctx.school_id,
        termLabel: round.termLabel,
        opensOn: cal.day(round.opensOn),
        closesOn: cal.day(round.closesOn),
      })
      .returning({ id: surveyRounds.id });
    const roundId = row?.id as string;
    const respondents = staff.rows.slice(0, round.respondents);
    if (respondents.length === 0) continue;
    await db.insert(surveyRespondents).values(respondents.map((p) => ({ districtId, roundId, personId: p.id })));
    // Answers spread over the levels, a level higher on the whole in the fall than in the spring.
    await db.insert(surveyAnswers).values(
      respondents.flatMap((_, n) =>
        instrument.items.map((item, i) => ({
          districtId,
          roundId,
          itemKey: item.key,
          level: Math.min(4, 1 + ((n + i) % 3) + round.lift),
        })),
      ),
    );
  }
  if (ctx.team_id) {
    await db.insert(surveyRounds).values({
      districtId,
      instrumentKey: continuum.key,
      title: continuum.title,
      items: continuum.items,
      communityId: ctx.team_id,
      termLabel: "Winter",
      opensOn: cal.today,
      closesOn: cal.now.plus({ weeks: 3 }).toISODate() as string,
    });
  }
}
