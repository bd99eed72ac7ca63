import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMUNITY_KINDS } from "../../contract/communities";
import { ROLES } from "../../contract/people";
import { applyDecisionRule } from "../features/interventions/progress-rules";
import { createTestApp, signIn } from "../test/test-app";
import { DEMO_PASSWORD, demoLogins, seedDemoDistrict } from "./demo-district";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoDistrict(t.db);
});
afterAll(async () => t?.close());

describe("demo district", () => {
  it("has three schools, about sixty staff and a named login for every role", async () => {
    const counts = await t.db.execute<{ schools: number; staff: number }>(sql`
      select (select count(*) from schools) as schools,
             (select count(distinct person_id) from role_assignments
               where role in ('district_leader', 'school_leader', 'coach', 'teacher', 'support_staff')) as staff`);
    expect(counts.rows[0]?.schools).toBe(3);
    expect(counts.rows[0]?.staff).toBeGreaterThanOrEqual(55);
    expect(counts.rows[0]?.staff).toBeLessThanOrEqual(70);
    expect(
      demoLogins()
        .map((l) => l.role)
        .sort(),
    ).toEqual([...ROLES].sort());
  });

  it("has a roster: every teacher's class with students, grade 3 homerooms for the Grade 3 team, Ana Torres's son", async () => {
    const counts = await t.db.execute<{ students: number; classes: number; untaught: number; empty: number }>(sql`
      select (select count(*) from students) as students,
             (select count(*) from classes) as classes,
             (select count(*) from classes c where not exists (select 1 from class_teachers t where t.class_id = c.id)) as untaught,
             (select count(*) from classes c where not exists (select 1 from class_students s where s.class_id = c.id)) as empty`);
    expect(counts.rows[0]?.students).toBeGreaterThan(500);
    expect(counts.rows[0]).toMatchObject({ untaught: 0, empty: 0 });
    const gradeThree = await t.db.execute<{ n: number }>(sql`
      select count(distinct cl.id) as n from classes cl
      join class_teachers ct on ct.class_id = cl.id
      join community_members m on m.person_id = ct.person_id
      join communities c on c.id = m.community_id and c.name = 'Grade 3 team'
      where cl.grades = array['03']`);
    expect(gradeThree.rows[0]?.n).toBeGreaterThanOrEqual(3);
    const child = await t.db.execute<{ given_name: string; teacher: string }>(sql`
      select s.given_name, p2.email as teacher from family_links f
      join people p on p.id = f.person_id and p.email = 'ana.torres@riverside.example'
      join students s on s.id = f.student_id
      join class_students cs on cs.student_id = s.id
      join class_teachers ct on ct.class_id = cs.class_id
      join people p2 on p2.id = ct.person_id`);
    expect(child.rows).toEqual([{ given_name: "Mateo", teacher: "emily.chen@riverside.example" }]);
  });

  it("has the Grade 3 team's essential standards and a term of assessments with believable results", async () => {
    const rows = await t.db.execute<{ essentials: number; targets: number; assessments: number; levels: number[] }>(sql`
      select (select count(*) from essential_standards e where e.community_id = c.id) as essentials,
             (select count(*) from learning_targets l where l.community_id = c.id) as targets,
             (select count(*) from assessments a where a.community_id = c.id) as assessments,
             (select array_agg(distinct r.level order by r.level) from target_results r
               join assessments a on a.id = r.assessment_id where a.community_id = c.id) as levels
      from communities c where c.name = 'Grade 3 team'`);
    expect(rows.rows[0]).toMatchObject({ essentials: 4, targets: 7, assessments: 4, levels: [1, 2, 3, 4] });
    const coverage = await t.db.execute<{ sat: number; absent: number; with_results: number }>(sql`
      with a as (select id from assessments where title = 'Unit 2 common assessment')
      select (select count(*) from assessment_sittings s where s.assessment_id = a.id and s.status = 'completed') as sat,
             (select count(*) from assessment_sittings s where s.assessment_id = a.id and s.status = 'absent') as absent,
             (select count(distinct r.student_id) from target_results r where r.assessment_id = a.id) as with_results
      from a`);
    const c = coverage.rows[0];
    expect(c?.with_results).toBe(c?.sat);
    expect(c?.sat).toBeGreaterThan(50);
  });

  it("has the Grade 3 team's intervention and extension groups with a term of progress data, some flagged", async () => {
    const tiers = await t.db.execute<{ kind: string; tier: number; status: string; n: number }>(sql`
      select kind::text, tier, status::text, count(*)::int as n from intervention_plans group by 1, 2, 3 order by 1, 2, 3`);
    // Plans at every tier, extension groups, and closed plans with both outcomes, whatever the day.
    const has = (kind: string, tier: number, status: string) =>
      tiers.rows.some((r) => r.kind === kind && r.tier === tier && r.status === status && r.n > 0);
    expect(has("intervention", 1, "active")).toBe(true);
    expect(has("intervention", 2, "active")).toBe(true);
    expect(has("intervention", 3, "active")).toBe(true);
    expect(has("intervention", 2, "closed")).toBe(true);
    expect(has("extension", 1, "active")).toBe(true);
    const plans = await t.db.execute<{
      id: string;
      start_date: string;
      goal_date: string;
      baseline: string;
      goal: string;
      points: { measuredOn: string; score: number }[] | null;
    }>(sql`
      select p.id, p.start_date, p.goal_date, p.baseline, p.goal,
             (select json_agg(json_build_object('measuredOn', s.measured_on, 'score', s.score) order by s.measured_on)
                from progress_scores s where s.plan_id = p.id) as points
        from intervention_plans p where p.status = 'active'`);
    const flags = plans.rows.map(
      (p) =>
        applyDecisionRule(
          { startDate: p.start_date, baseline: Number(p.baseline), goalDate: p.goal_date, goal: Number(p.goal) },
          (p.points ?? []).map((x) => ({ measuredOn: x.measuredOn, score: Number(x.score) })),
        ).flag,
    );
    expect(flags.filter((f) => f === "adjust").length).toBeGreaterThanOrEqual(1);
    expect(flags.filter((f) => f === "consider_exit").length).toBeGreaterThanOrEqual(1);
    expect(flags.filter((f) => f === null).length).toBeGreaterThanOrEqual(4);
    const history = await t.db.execute<{
      decision: string;
      tier_before: number | null;
      tier_after: number;
      n: number;
    }>(sql`
      select decision::text, tier_before, tier_after, count(*)::int as n from plan_decisions
       where decision in ('intensify', 'exit') group by 1, 2, 3 order by 1, 2`);
    expect(history.rows).toEqual([
      { decision: "exit", tier_before: 1, tier_after: 1, n: 1 },
      { decision: "exit", tier_before: 2, tier_after: 2, n: 2 },
      { decision: "intensify", tier_before: 2, tier_after: 3, n: 1 },
    ]);
    const outcomes = await t.db.execute<{ outcome: string }>(
      sql`select outcome from intervention_plans where status = 'closed' and kind = 'intervention' order by outcome`,
    );
    expect(outcomes.rows.map((r) => r.outcome)).toEqual(["met", "not_met"]);
    const sessions = await t.db.execute<{ attendance: string; n: number }>(sql`
      select attendance, count(*)::int as n from intervention_sessions group by 1`);
    const count = (a: string) => sessions.rows.find((r) => r.attendance === a)?.n ?? 0;
    expect(count("present")).toBeGreaterThan(5 * count("absent"));
    expect(count("absent")).toBeGreaterThan(0);
    expect(count("not_held")).toBeGreaterThan(0);
    const starts = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from intervention_plans p
       where not exists (select 1 from plan_decisions d where d.plan_id = p.id and d.decision = 'start')`);
    expect(starts.rows[0]?.n).toBe(0);
  });

  it("gives Mateo Torres an active tier-2 plan with data and a note in Spanish from his mother", async () => {
    const rows = await t.db.execute<{
      tier: number;
      status: string;
      scores: number;
      body: string;
      language: string;
    }>(sql`
      select p.tier, p.status, (select count(*)::int from progress_scores s where s.plan_id = p.id) as scores,
             n.body, n.language
        from family_links f
        join people a on a.id = f.person_id and a.email = 'ana.torres@riverside.example'
        join intervention_plans p on p.student_id = f.student_id
        join family_notes n on n.plan_id = p.id and n.author_id = a.id`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ tier: 2, status: "active", language: "es" });
    expect(rows.rows[0]?.scores).toBeGreaterThanOrEqual(4);
    expect(rows.rows[0]?.body).toMatch(/Mateo/);
  });

  it("lets every demo login sign in", async () => {
    for (const login of demoLogins()) {
      expect(await signIn(t.app, login.email, DEMO_PASSWORD)).toMatch(/^collective_session=/);
    }
  });

  it("has self-assessment rounds at Maple Grove over two terms, enough answered to show a trend", async () => {
    const cookie = await signIn(t.app, "james.okafor@riverside.example", DEMO_PASSWORD);
    const list = await t.app.inject({ url: "/api/v1/surveys/rounds", headers: { cookie } });
    const rounds = list.json().items as { id: string; termLabel: string; status: string; answered: number }[];
    expect(rounds.map((r) => `${r.termLabel} ${r.status}`).sort()).toEqual([
      "Fall closed",
      "Spring closed",
      "Winter open",
    ]);
    const fall = rounds.find((r) => r.termLabel === "Fall");
    const trend = await t.app.inject({ url: `/api/v1/surveys/rounds/${fall?.id}/trend`, headers: { cookie } });
    const terms = trend.json().rounds as { termLabel: string; suppressed: boolean; means: Record<string, number> }[];
    expect(terms.map((r) => [r.termLabel, r.suppressed])).toEqual([
      ["Spring", false],
      ["Fall", false],
    ]);
    const mean = (r: (typeof terms)[number]) => Object.values(r.means).reduce((a, b) => a + b, 0);
    expect(mean(terms[1] as (typeof terms)[number])).toBeGreaterThan(mean(terms[0] as (typeof terms)[number]));
  });

  it("has communities of every kind, each with members, norms and a term of meetings", async () => {
    const rows = await t.db.execute<{
      kind: string;
      members: number;
      norms: number;
      held: number;
      upcoming: number;
      open_items: number;
    }>(sql`
      select c.kind,
             (select count(*) from community_members m where m.community_id = c.id) as members,
             (select count(*) from norm_versions n where n.community_id = c.id) as norms,
             (select count(*) from meetings m where m.community_id = c.id and m.status = 'completed') as held,
             (select count(*) from meetings m where m.community_id = c.id and m.status = 'scheduled') as upcoming,
             (select count(*) from action_items a where a.community_id = c.id and a.status = 'open') as open_items
        from communities c`);
    expect(rows.rows.map((r) => r.kind).sort()).toEqual([...COMMUNITY_KINDS].sort());
    for (const row of rows.rows) {
      expect(row.members).toBeGreaterThanOrEqual(3);
      expect(row.norms).toBe(1);
      expect(row.held).toBeGreaterThanOrEqual(6);
      expect(row.upcoming).toBeGreaterThanOrEqual(3);
      expect(row.open_items).toBeGreaterThanOrEqual(1);
    }
  });

  it("has discussions in communities and the forum, and classroom visits with feedback", async () => {
    const counts = await t.db.execute<{
      community_threads: number;
      forum_threads: number;
      replies: number;
      visits: number;
      feedback: number;
      shared: number;
    }>(sql`
      select (select count(*) from discussion_threads where community_id is not null) as community_threads,
             (select count(*) from discussion_threads where community_id is null) as forum_threads,
             (select count(*) from discussion_replies) as replies,
             (select count(*) from classroom_visits) as visits,
             (select count(*) from visit_feedback) as feedback,
             (select count(*) from visit_feedback where is_shared_with_team) as shared`);
    const row = counts.rows[0];
    expect(row?.community_threads).toBeGreaterThanOrEqual(8);
    expect(row?.forum_threads).toBe(2);
    expect(row?.replies).toBeGreaterThanOrEqual(10);
    expect(row?.visits).toBeGreaterThanOrEqual(4);
    expect(row?.feedback).toBeGreaterThanOrEqual(4);
    expect(row?.shared).toBeGreaterThanOrEqual(1);
  });

  it("has library resources at every scope, with ratings, comments and classroom uses", async () => {
    const rows = await t.db.execute<{ scope: string; n: number; rated: number; used: number }>(sql`
      select r.scope, count(*) as n,
             count(*) filter (where exists (select 1 from resource_ratings x where x.resource_id = r.id)) as rated,
             count(*) filter (where exists (select 1 from resource_uses u where u.resource_id = r.id)) as used
        from resources r group by r.scope order by r.scope`);
    expect(rows.rows.map((r) => r.scope).sort()).toEqual(["community", "district", "school"]);
    for (const row of rows.rows) expect(row.rated).toBe(row.n);
    const found = await t.db.execute<{ title: string }>(sql`
      select title from resources where search @@ websearch_to_tsquery('english', 'fraction reteach')`);
    expect(found.rows.map((r) => r.title)).toContain("Equivalent fractions exit ticket and reteach plan");
  });

  it("is the same every time (seeded)", async () => {
    const names = await t.db.execute<{ display_name: string }>(
      sql`select display_name from people order by email limit 5`,
    );
    const again = await createTestApp();
    await seedDemoDistrict(again.db);
    const second = await again.db.execute<{ display_name: string }>(
      sql`select display_name from people order by email limit 5`,
    );
    const progress = sql`
      select s.sourced_id, p.tier, string_agg(x.measured_on || '=' || x.score, ',' order by x.measured_on) as scores
        from intervention_plans p join students s on s.id = p.student_id
        join progress_scores x on x.plan_id = p.id group by 1, 2 order by 1`;
    const [firstProgress, secondProgress] = [await t.db.execute(progress), await again.db.execute(progress)];
    await again.close();
    expect(second.rows).toEqual(names.rows);
    expect(secondProgress.rows).toEqual(firstProgress.rows);
  });

  it("gives the teacher's and the school leader's homes something true to show", async () => {
    const emily = await signIn(t.app, "emily.chen@riverside.example", DEMO_PASSWORD);
    const home = (await t.app.inject({ url: "/api/v1/home/educator", headers: { cookie: emily } })).json();
    expect(home.actionItems.some((item: { isOverdue: boolean }) => item.isOverdue)).toBe(true);
    expect(home.resultsToEnter).toEqual([
      expect.objectContaining({
        assessment: expect.objectContaining({ title: "Unit 3 check: main idea across two texts" }),
      }),
    ]);
    expect(home.flaggedPlans.length).toBeGreaterThan(0);
    const james = await signIn(t.app, "james.okafor@riverside.example", DEMO_PASSWORD);
    const me = (await t.app.inject({ url: "/api/v1/me", headers: { cookie: james } })).json();
    const school = (
      await t.app.inject({ url: `/api/v1/home/school?schoolId=${me.homeSchools[0].id}`, headers: { cookie: james } })
    ).json();
    const gradeThree = school.teams.find(
      (team: { community: { name: string } }) => team.community.name === "Grade 3 team",
    );
    expect(gradeThree.alerts).toContainEqual({
      kind: "stalled_cycle",
      text: "Cycle “Retelling stories in order” has stalled",
    });
  });
});
