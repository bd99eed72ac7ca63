import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "../../db/client";
import { applyDecisionRule } from "../interventions/progress-rules";
import { latestDateWithSchoolDaysSince } from "../student-review/not-yet-responded.queries";
import { isResponseTo } from "../student-review/responded-to";
import { type Notice, type NoticeMail, sendNotices } from "./notices";

/*
 * Reminders: what is due is found from the data at `now` (the clock is a parameter, so a test fixes it), and each
 * notice carries a key naming its occasion, so every server process may run this at once and each person still
 * gets one notice per occasion and channel (sendNotices). Run every few minutes by the job queue.
 */

/** Overdue items older than this are not announced (a district starting out is not flooded with old ones). */
const OVERDUE_WINDOW_DAYS = 7;
/** Plans whose latest score is older than this are left to the review list. */
const SCORE_WINDOW_DAYS = 14;

type District = { id: string; time_zone: string };

/** Members about to meet: each scheduled meeting starting within 24 hours, once at 24 hours and once at 1 hour. */
async function meetingNotices(db: Db, district: District, now: Date): Promise<Notice[]> {
  const result = await db.execute<{
    id: string;
    title: string;
    starts_at: string | Date;
    community_name: string;
    person_id: string;
    agenda: { title: string; minutes?: number | null }[];
  }>(sql`
    select m.id, m.title, m.starts_at, c.name as community_name, cm.person_id, m.agenda
      from meetings m
      join communities c on c.id = m.community_id and c.archived_at is null
      join community_members cm on cm.community_id = m.community_id
     where m.district_id = ${district.id} and m.status = 'scheduled'
       and m.starts_at > ${now.toISOString()}::timestamptz
       and m.starts_at <= ${now.toISOString()}::timestamptz + interval '24 hours'`);
  return result.rows.map((row) => {
    const startsAt = new Date(row.starts_at);
    const within = startsAt.getTime() - now.getTime() <= 3_600_000 ? "1h" : "24h";
    const when = DateTime.fromJSDate(startsAt, { zone: district.time_zone }).toFormat("cccc d LLLL 'at' h:mm a");
    const agenda = row.agenda.length
      ? `Agenda:\n${row.agenda.map((item) => `- ${item.title}${item.minutes ? ` (${item.minutes} min)` : ""}`).join("\n")}`
      : "No agenda yet.";
    return {
      districtId: district.id,
      personId: row.person_id,
      kind: "meeting_soon" as const,
      title: `${row.community_name}: “${row.title}” starts ${within === "1h" ? "within the hour" : "within a day"}`,
      link: `/meetings/${row.id}`,
      actorId: null,
      dedupeKey: `meeting:${row.id}:${startsAt.toISOString()}:${within}`,
      detail: `${when} (${district.time_zone}).\n\n${agenda}`,
    };
  });
}

/** Owners of open action items due tomorrow, and of those that became overdue this past week. */
async function actionItemNotices(db: Db, district: District, today: string): Promise<Notice[]> {
  const result = await db.execute<{ id: string; title: string; owner_id: string; due_on: string; overdue: boolean }>(
    sql`
    select a.id, a.title, a.owner_id, a.due_on::text, a.due_on < ${today}::date as overdue
      from action_items a
      join communities c on c.id = a.community_id and c.archived_at is null
     where a.district_id = ${district.id} and a.status = 'open' and a.owner_id is not null
       and (a.due_on = ${today}::date + 1
            or a.due_on between ${today}::date - ${OVERDUE_WINDOW_DAYS}::int and ${today}::date - 1)`,
  );
  return result.rows.map((row) => ({
    districtId: district.id,
    personId: row.owner_id,
    kind: row.overdue ? ("action_item_overdue" as const) : ("action_item_due" as const),
    title: row.overdue ? `Overdue since ${row.due_on}: “${row.title}”` : `Due tomorrow: “${row.title}”`,
    link: "/",
    actorId: null,
    dedupeKey: `action:${row.id}:${row.overdue ? "overdue" : "due"}:${row.due_on}`,
  }));
}

/** Whoever delivers a plan and its team's facilitators, when the decision rule flags its latest scores. */
async function decisionRuleNotices(db: Db, district: District, today: string): Promise<Notice[]> {
  const result = await db.execute<{
    id: string;
    student_name: string;
    start_date: string;
    baseline: string;
    goal: string;
    goal_date: string;
    rule_points: number;
    score_dates: string[];
    scores: string[];
    recipients: string[];
  }>(sql`
    select p.id, trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name,
           p.start_date::text, p.baseline, p.goal, p.goal_date::text, p.rule_points,
           latest.score_dates, latest.scores,
           array(select x from unnest(array_append(
                   array(select cm.person_id from community_members cm
                          where cm.community_id = p.community_id and cm.team_role = 'facilitator'),
                   p.delivered_by_id)) x where x is not null) as recipients
      from intervention_plans p
      join students s on s.id = p.student_id
      cross join lateral (
        select array_agg(ps.measured_on::text order by ps.measured_on desc) as score_dates,
               array_agg(ps.score::text order by ps.measured_on desc) as scores
          from (select measured_on, score from progress_scores
                 where plan_id = p.id order by measured_on desc limit p.rule_points) ps
      ) latest
     where p.district_id = ${district.id} and p.status = 'active' and p.closed_at is null
       and latest.score_dates[1]::date >= ${today}::date - ${SCORE_WINDOW_DAYS}::int`);
  const notices: Notice[] = [];
  for (const plan of result.rows) {
    const points = plan.score_dates.map((measuredOn, i) => ({ measuredOn, score: Number(plan.scores[i]) }));
    const aim = {
      startDate: plan.start_date,
      baseline: Number(plan.baseline),
      goalDate: plan.goal_date,
      goal: Number(plan.goal),
    };
    const { flag } = applyDecisionRule(aim, points, plan.rule_points);
    if (!flag) continue;
    const advice =
      flag === "adjust" ? "is behind the aim line: time to adjust" : "is ahead of the aim line: consider exit";
    for (const personId of new Set(plan.recipients)) {
      notices.push({
        districtId: district.id,
        personId,
        kind: "decision_rule",
        title: `${plan.student_name}'s progress ${advice}`,
        link: `/interventions/plans/${plan.id}`,
        actorId: null,
        dedupeKey: `plan:${plan.id}:${flag}:${plan.score_dates[0]}`,
      });
    }
  }
  return notices;
}

/** Calls to respond older than this are left to the review list (a district starting out is not flooded). */
const CALL_WINDOW_DAYS = 30;

/**
 * The teachers of a student below proficiency on a team's assessment whose response time (the team's school days)
 * has passed with a target of the call still without a plan responding to it: once per student and assessment.
 * Only the student's own teachers are told (they always may read the student); the team sees the review list.
 */
async function notRespondedNotices(db: Db, district: District, today: string): Promise<Notice[]> {
  const teams = await db.execute<{ id: string; response_days: number }>(sql`
    select id, response_days from communities where district_id = ${district.id} and archived_at is null`);
  if (teams.rows.length === 0) return [];
  const deadlines = sql.join(
    teams.rows.map(
      (team) => sql`(${team.id}::uuid, ${latestDateWithSchoolDaysSince(today, team.response_days)}::date)`,
    ),
    sql`, `,
  );
  const result = await db.execute<{
    assessment_id: string;
    title: string;
    community_id: string;
    student_id: string;
    student_name: string;
    teacher_id: string;
  }>(sql`
    with deadline(community_id, given_by) as (values ${deadlines}),
    given as (
      select a.id, a.title, a.community_id, a.given_on, c.counts_partly_scored_as_need as partial_is_need
        from assessments a
        join deadline d on d.community_id = a.community_id
        join communities c on c.id = a.community_id
       where a.district_id = ${district.id} and a.status <> 'draft' and a.given_on <= d.given_by
         and a.given_on >= ${today}::date - ${CALL_WINDOW_DAYS}::int
    ),
    missed as (
      select distinct g.id as assessment_id, g.title, g.community_id, bp.student_id
        from given g
        join below_proficient_students bp on bp.assessment_id = g.id
        cross join lateral unnest(case when g.partial_is_need then bp.targets else bp.whole_targets end) t(target_id)
       where not exists (select 1 from intervention_plans p
                          where p.student_id = bp.student_id and ${isResponseTo("p", sql`t.target_id`, sql`g.given_on`, null)})
    )
    select distinct m.assessment_id, m.title, m.community_id, m.student_id,
           trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name,
           ct.person_id as teacher_id
      from missed m
      join students s on s.id = m.student_id and s.archived_at is null
      join class_students cs on cs.student_id = m.student_id
      join class_teachers ct on ct.class_id = cs.class_id`);
  return result.rows.map((row) => ({
    districtId: district.id,
    personId: row.teacher_id,
    kind: "not_responded" as const,
    title: `${row.student_name} is still waiting for a response after “${row.title}”`,
    link: `/communities/${row.community_id}/review`,
    actorId: null,
    dedupeKey: `not_responded:${row.assessment_id}:${row.student_id}`,
  }));
}

/** How a family is told, in their language, that their child's plan started or changed: plain words, no staff text. */
const PLAN_WORDS: Record<
  string,
  Record<"start" | "challenge" | "change" | "met" | "ended", (child: string) => string>
> = {
  en: {
    start: (child) => `${child} has started extra support at school`,
    challenge: (child) => `${child} has started an extra challenge at school`,
    change: (child) => `${child}'s support at school has changed`,
    met: (child) => `${child}'s extra support has ended: the goal was met`,
    ended: (child) => `${child}'s extra support has ended`,
  },
  es: {
    start: (child) => `${child} comenzó un apoyo adicional en la escuela`,
    challenge: (child) => `${child} comenzó un reto adicional en la escuela`,
    change: (child) => `El apoyo de ${child} en la escuela cambió`,
    met: (child) => `El apoyo adicional de ${child} terminó: alcanzó la meta`,
    ended: (child) => `El apoyo adicional de ${child} terminó`,
  },
};

/**
 * The families of children whose plan started, was adjusted, intensified or ended in the last two days (a decision
 * recorded then), each told once per decision, in the language they read, with a link to their own page.
 */
async function planChangeNotices(db: Db, district: District, now: Date): Promise<Notice[]> {
  const result = await db.execute<{
    decision_id: string;
    decision: string;
    kind: string;
    outcome: string | null;
    first_name: string;
    family_id: string;
    language: string;
  }>(sql`
    select d.id as decision_id, d.decision::text, p.kind::text, p.outcome::text,
           coalesce(nullif(trim(s.preferred_name), ''), s.given_name) as first_name,
           f.person_id as family_id, fam.preferred_language as language
      from plan_decisions d
      join intervention_plans p on p.id = d.plan_id
      join students s on s.id = p.student_id and s.archived_at is null
      join family_links f on f.student_id = p.student_id
      join people fam on fam.id = f.person_id
     where d.district_id = ${district.id} and d.decision <> 'continue'
       and d.created_at > ${now.toISOString()}::timestamptz - interval '2 days'
       and d.created_at <= ${now.toISOString()}::timestamptz`);
  return result.rows.map((row) => {
    const words = PLAN_WORDS[row.language] ?? PLAN_WORDS.en;
    if (!words) throw new Error("no plan words");
    const say =
      row.decision === "start"
        ? row.kind === "extension"
          ? words.challenge
          : words.start
        : row.decision === "exit"
          ? row.outcome === "met"
            ? words.met
            : words.ended
          : words.change;
    return {
      districtId: district.id,
      personId: row.family_id,
      kind: "plan_change" as const,
      title: say(row.first_name),
      link: "/family",
      actorId: null,
      dedupeKey: `plan_decision:${row.decision_id}`,
    };
  });
}

/** Finds every reminder due at `now` in every district and sends each once. Returns how many were new. */
export async function runReminders(db: Db, now: Date, mail: NoticeMail): Promise<number> {
  const districts = await db.execute<District>(sql`select id, time_zone from districts`);
  let sent = 0;
  for (const district of districts.rows) {
    const today = DateTime.fromJSDate(now, { zone: district.time_zone }).toISODate() as string;
    const notices = [
      ...(await meetingNotices(db, district, now)),
      ...(await actionItemNotices(db, district, today)),
      ...(await decisionRuleNotices(db, district, today)),
      ...(await planChangeNotices(db, district, now)),
      ...(await notRespondedNotices(db, district, today)),
    ];
    sent += await sendNotices(db, notices, mail);
  }
  return sent;
}
