import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMUNITY_KINDS } from "../../contract/communities";
import { ROLES } from "../../contract/people";
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
    expect(rows.rows[0]).toMatchObject({ essentials: 4, targets: 7, assessments: 3, levels: [1, 2, 3, 4] });
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

  it("lets every demo login sign in", async () => {
    for (const login of demoLogins()) {
      expect(await signIn(t.app, login.email, DEMO_PASSWORD)).toMatch(/^collective_session=/);
    }
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
    await again.close();
    expect(second.rows).toEqual(names.rows);
  });
});
