import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { BOLD, createPdf } from "../../reports/pdf-document";
import { meetsGoal } from "../interventions/progress-rules";

export type HistoryPlan = {
  id: string;
  kind: "intervention" | "extension";
  tier: number;
  status: "active" | "closed";
  outcome: "met" | "not_met" | null;
  focus: string;
  strategy: string;
  measure: string;
  baseline: number;
  goal: number;
  start_date: string;
  goal_date: string;
  review_date: string;
  closed_on: string | null;
  minutes_per_session: number | null;
  days_per_week: number | null;
  team_name: string;
  delivered_by: string | null;
  decisions: { decision: string; decidedOn: string; tierBefore: number | null; tierAfter: number; reason: string }[];
  scores: { measuredOn: string; score: number }[];
};

export type StudentHistory = {
  studentName: string;
  grade: string | null;
  schoolName: string | null;
  plans: HistoryPlan[];
};

/** Every plan of a student, past and present, with its tier history and scores, in one statement. */
export async function loadStudentHistory(db: Db, studentId: string): Promise<StudentHistory | undefined> {
  const result = await db.execute<{
    student_name: string;
    grade: string | null;
    school_name: string | null;
    plans: HistoryPlan[] | null;
  }>(sql`
    select btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name) as student_name,
           s.grade, sc.name as school_name,
           (select json_agg(json_build_object(
                     'id', p.id, 'kind', p.kind, 'tier', p.tier, 'status', p.status, 'outcome', p.outcome,
                     'focus', p.focus, 'strategy', p.strategy, 'measure', p.measure,
                     'baseline', p.baseline::float8, 'goal', p.goal::float8,
                     'start_date', p.start_date, 'goal_date', p.goal_date, 'review_date', p.review_date,
                     'closed_on', p.closed_at::date, 'minutes_per_session', p.minutes_per_session,
                     'days_per_week', p.days_per_week, 'team_name', c.name, 'delivered_by', dp.display_name,
                     'decisions', coalesce((
                        select json_agg(json_build_object('decision', d.decision, 'decidedOn', d.decided_on,
                                 'tierBefore', d.tier_before, 'tierAfter', d.tier_after, 'reason', d.reason)
                                 order by d.decided_on, d.created_at)
                          from plan_decisions d where d.plan_id = p.id), '[]'),
                     'scores', coalesce((
                        select json_agg(json_build_object('measuredOn', ps.measured_on, 'score', ps.score::float8)
                                 order by ps.measured_on)
                          from progress_scores ps where ps.plan_id = p.id), '[]'))
                     order by p.start_date desc, p.created_at desc)
              from intervention_plans p
              join communities c on c.id = p.community_id
              left join people dp on dp.id = p.delivered_by_id
             where p.student_id = s.id) as plans
      from students s left join schools sc on sc.id = s.school_id
     where s.id = ${studentId}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return { studentName: row.student_name, grade: row.grade, schoolName: row.school_name, plans: row.plans ?? [] };
}

const DECISION_WORDS: Record<string, string> = {
  start: "Started",
  continue: "Kept going as planned",
  adjust: "Changed the approach",
  intensify: "Gave more support",
  exit: "Ended the support",
};

function tierWords(tier: number): string {
  return tier === 1 ? "Tier 1 (in class)" : tier === 2 ? "Tier 2 (small group)" : "Tier 3 (intensive, one to one)";
}

/** How the plan is going or ended, in words a family reads. */
function progressWords(plan: HistoryPlan): string {
  const latest = plan.scores.at(-1);
  const scores = latest
    ? `${plan.scores.length} progress check${plan.scores.length === 1 ? "" : "s"}; started at ${plan.baseline}, ` +
      `latest ${latest.score} on ${latest.measuredOn}; the goal is ${plan.goal} by ${plan.goal_date}.`
    : `No progress checks yet; started at ${plan.baseline}, the goal is ${plan.goal} by ${plan.goal_date}.`;
  if (plan.status === "closed") {
    const ended = `Ended${plan.closed_on ? ` on ${plan.closed_on}` : ""}: `;
    return `${scores} ${ended}${plan.outcome === "met" ? "the goal was met." : plan.outcome === "not_met" ? "the goal was not met yet." : "no outcome recorded."}`;
  }
  const aim = { startDate: plan.start_date, baseline: plan.baseline, goalDate: plan.goal_date, goal: plan.goal };
  const reached = latest && meetsGoal(aim, latest.score) ? " The latest check already reaches the goal." : "";
  return `${scores}${reached} Still going; next team review ${plan.review_date}.`;
}

/** A printable history of a student's support, in plain language, for a conference with the family. */
export function renderHistoryPdf(history: StudentHistory, printedOn: string): Promise<Buffer> {
  const pdf = createPdf(`Support history: ${history.studentName}`);
  pdf.doc.font(BOLD).fontSize(16).text(`Support history: ${history.studentName}`);
  pdf.text(
    [history.schoolName, history.grade ? `Grade ${history.grade}` : null, `Printed ${printedOn}`]
      .filter(Boolean)
      .join(" · "),
  );
  pdf.text(
    "This page lists the extra support the school has given, past and present: what it works on, who gives it, " +
      "how often, how progress is measured, and how it went. Tier 1 is support in class, tier 2 small-group " +
      "support, tier 3 the most intensive support.",
  );
  if (history.plans.length === 0) {
    pdf.heading("No support plans");
    pdf.text("The school has not recorded any intervention or extension plan for this student.");
  }
  for (const plan of history.plans) {
    const what = plan.kind === "intervention" ? "Extra help" : "Extension (going further)";
    pdf.heading(`${what}: ${plan.focus || plan.measure} (${plan.status === "active" ? "current" : "past"})`);
    const often =
      plan.minutes_per_session && plan.days_per_week
        ? `${plan.minutes_per_session} minutes, ${plan.days_per_week} day${plan.days_per_week === 1 ? "" : "s"} a week`
        : "Schedule not recorded";
    pdf.table(
      [
        ["Team", plan.team_name],
        ["Level of support now", tierWords(plan.decisions.at(-1)?.tierAfter ?? plan.tier)],
        ["What we do", plan.strategy || "Not recorded"],
        ["Given by", plan.delivered_by ?? "The team"],
        ["How often", often],
        ["Started", plan.start_date],
        ["How we measure progress", plan.measure],
        ["How it is going", progressWords(plan)],
      ],
      [1, 3],
      { header: false },
    );
    if (plan.decisions.length > 0) {
      pdf.text("Changes over time:");
      pdf.table(
        [
          ["Date", "What the team decided", "Level", "Why"],
          ...plan.decisions.map((d) => [
            d.decidedOn,
            DECISION_WORDS[d.decision] ?? d.decision,
            d.tierBefore && d.tierBefore !== d.tierAfter
              ? `From tier ${d.tierBefore} to ${d.tierAfter}`
              : `Tier ${d.tierAfter}`,
            d.reason,
          ]),
        ],
        [1, 1.6, 1, 3],
      );
    }
  }
  return pdf.finish();
}
