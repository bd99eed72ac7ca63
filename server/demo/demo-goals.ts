import { sql } from "drizzle-orm";
import type { GoalMeasure } from "../../contract/goals";
import type { Db } from "../db/client";
import { goalCheckins, goalLinks, goals } from "../db/schema";
import { expectedValue } from "../features/goals/goal-status";
import type { DemoCalendar } from "./demo-calendar";

type DemoGoal = {
  key: string;
  level: "district" | "school" | "team" | "individual";
  owner: string;
  title: string;
  school?: "elementary" | "middle";
  team?: boolean;
  kind?: "student" | "educator";
  measure: GoalMeasure | { kind: "proficiency_share"; target: "main_idea" };
  unit?: string;
  baseline: number;
  target: number;
  serves: string[];
  /**
   * For goals measured by check-ins: where the latest value stands against the line from baseline to target, as a
   * share of the whole planned change (+0.05 a little ahead, −0.05 just behind, −0.3 well behind).
   */
  pace?: number;
  notes?: string[];
};

const MARIA = "maria.alvarez@riverside.example";
const JAMES = "james.okafor@riverside.example";
const EMILY = "emily.chen@riverside.example";
const LUIS = "luis.romero@riverside.example";
const PRIYA = "priya.natarajan@riverside.example";

/** District goals, school goals beneath them, the Grade 3 team's goals bound to its data, and a few educators' own. */
const DEMO_GOALS: DemoGoal[] = [
  {
    key: "d-readers",
    level: "district",
    owner: MARIA,
    title: "Three in four third graders find the main idea of what they read",
    measure: { kind: "proficiency_share", target: "main_idea" },
    baseline: 40,
    target: 75,
    serves: [],
  },
  {
    key: "d-cycles",
    level: "district",
    owner: MARIA,
    kind: "educator",
    title: "Every team works through an improvement cycle each semester",
    measure: { kind: "checkin" },
    baseline: 20,
    target: 100,
    serves: [],
    pace: 0.05,
    notes: ["Cycle kick-off at the leadership meeting.", "Middle school teams started their first cycle."],
  },
  {
    key: "s-readers",
    level: "school",
    school: "elementary",
    owner: JAMES,
    title: "70% of our third graders proficient on the main idea",
    measure: { kind: "proficiency_share", target: "main_idea" },
    baseline: 40,
    target: 70,
    serves: ["d-readers"],
  },
  {
    key: "s-protocols",
    level: "school",
    school: "elementary",
    owner: JAMES,
    kind: "educator",
    title: "Every grade-level team looks at student work with a protocol monthly",
    measure: { kind: "checkin" },
    baseline: 30,
    target: 100,
    serves: ["d-cycles"],
    pace: -0.05,
    notes: ["Two teams still plan without a protocol."],
  },
  {
    key: "s-middle",
    level: "school",
    school: "middle",
    owner: MARIA,
    kind: "educator",
    title: "Middle school teams finish one improvement cycle this semester",
    measure: { kind: "checkin" },
    baseline: 0,
    target: 100,
    serves: ["d-cycles"],
    pace: -0.3,
    notes: ["Schedules changed in October; the math team has not met since."],
  },
  {
    key: "t-main-idea",
    level: "team",
    team: true,
    owner: EMILY,
    title: "70% of our students proficient on telling the main idea",
    measure: { kind: "proficiency_share", target: "main_idea" },
    baseline: 40,
    target: 70,
    serves: ["s-readers"],
    notes: ["Reteaching with the main-idea graphic organizer after the first check."],
  },
  {
    key: "t-respond",
    level: "team",
    team: true,
    owner: EMILY,
    title: "Nine in ten students below proficiency have a plan within five school days",
    measure: { kind: "response_within_days" },
    baseline: 50,
    target: 90,
    serves: ["s-readers"],
  },
  {
    key: "t-meetings",
    level: "team",
    team: true,
    owner: EMILY,
    kind: "educator",
    title: "We hold every weekly team meeting we schedule",
    measure: { kind: "meetings_held" },
    baseline: 80,
    target: 95,
    serves: ["s-protocols"],
  },
  {
    key: "i-conferences",
    level: "individual",
    owner: EMILY,
    kind: "educator",
    title: "Confer with every reader on main idea at least twice a month",
    measure: { kind: "checkin" },
    unit: "conferences",
    baseline: 0,
    target: 200,
    serves: ["t-main-idea"],
    pace: 0.05,
    notes: ["Conference notes kept in the reading binder."],
  },
  {
    key: "i-plans",
    level: "individual",
    owner: LUIS,
    kind: "educator",
    title: "Start each new intervention plan within three school days",
    measure: { kind: "checkin" },
    baseline: 50,
    target: 90,
    serves: ["t-respond"],
    pace: -0.05,
  },
  {
    key: "i-coaching",
    level: "individual",
    owner: PRIYA,
    kind: "educator",
    title: "Coach each middle school team through its first cycle stage",
    measure: { kind: "checkin" },
    baseline: 0,
    target: 100,
    serves: ["s-middle"],
    pace: -0.3,
  },
];

/** Check-in days: every four weeks from the start of the year, up to today. */
function checkinDays(startsOn: string, today: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${startsOn}T00:00:00Z`) + 28 * 86_400_000; ; t += 28 * 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > today) return days;
    days.push(day);
  }
}

/**
 * The demo's aligned goals for the school year, with check-ins every four weeks. Goals measured by check-ins move
 * from the baseline to where their pace puts them today, so the tree shows goals on track, at risk and off track;
 * the others are bound to the Grade 3 team's real assessments, plans and meetings and computed live.
 */
export async function seedDemoGoals(db: Db, districtId: string, cal: DemoCalendar): Promise<void> {
  const found = await db.execute<{ email: string; id: string }>(
    sql`select email, id from people where district_id = ${districtId}`,
  );
  const person = new Map(found.rows.map((r) => [r.email, r.id]));
  const context = await db.execute<{ team_id: string; elementary: string; middle: string; main_idea: string }>(sql`
    select c.id as team_id,
           (select id from schools where district_id = ${districtId} and level = 'elementary' limit 1) as elementary,
           (select id from schools where district_id = ${districtId} and level = 'middle' limit 1) as middle,
           (select id from learning_targets where community_id = c.id
             and statement = 'I can tell the main idea of an informational text.' limit 1) as main_idea
      from communities c where c.district_id = ${districtId} and c.name = 'Grade 3 team'`);
  const ctx = context.rows[0];
  if (!ctx) return;
  const startsOn = cal.schoolYear.startDate;
  const dueOn = cal.schoolYear.endDate;
  const ids = new Map<string, string>();
  for (const goal of DEMO_GOALS) {
    const { kind: measureKind, ...params } =
      goal.measure.kind === "proficiency_share" && "target" in goal.measure
        ? { kind: "proficiency_share" as const, targetId: ctx.main_idea }
        : goal.measure;
    const ownerId = person.get(goal.owner) as string;
    const [row] = await db
      .insert(goals)
      .values({
        districtId,
        level: goal.level,
        kind: goal.kind ?? "student",
        schoolId: goal.school ? ctx[goal.school] : null,
        communityId: goal.team ? ctx.team_id : null,
        ownerId,
        title: goal.title,
        measureKind,
        measure: params,
        unit: goal.unit ?? "percent",
        baseline: goal.baseline,
        target: goal.target,
        startsOn,
        dueOn,
        createdById: ownerId,
      })
      .returning({ id: goals.id });
    const goalId = row?.id as string;
    ids.set(goal.key, goalId);
    for (const served of goal.serves) {
      await db.insert(goalLinks).values({ districtId, goalId, servesGoalId: ids.get(served) as string });
    }
    const days = checkinDays(startsOn, cal.today);
    const plan = { baseline: goal.baseline, target: goal.target, startsOn, dueOn };
    const change = goal.target - goal.baseline;
    const latest = goal.pace === undefined ? null : (expectedValue(plan, cal.today) ?? 0) + goal.pace * change;
    const checkins = days.map((day, i) => {
      const share = (i + 1) / days.length;
      const value = latest === null ? null : Math.round((goal.baseline + (latest - goal.baseline) * share) * 10) / 10;
      const note = goal.notes?.[i] ?? "";
      return { districtId, goalId, authorId: ownerId, checkedOn: day, value, note };
    });
    const written = checkins.filter((c) => c.value !== null || c.note !== "");
    if (written.length) await db.insert(goalCheckins).values(written);
  }
}
