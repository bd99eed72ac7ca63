import { sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client";
import { createSession, findActorBySessionToken } from "../server/auth/sessions";
import { queryAssessmentAnalysis } from "../server/features/analysis/analysis.queries";
import { queryAssessmentAnalysis as orig } from "./_orig/analysis.queries";
const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/collective_bench_large_v2" });
const people = (await database.db.execute<{ id: string; district_id: string }>(sql`select p.id, p.district_id from people p where email like 'bench.leader.%' limit 1`)).rows;
// also a teacher and a school leader
const more = (await database.db.execute<{ id: string; district_id: string }>(sql`(select p.id, p.district_id from people p join class_teachers ct on ct.person_id = p.id join class_students cs on cs.class_id = ct.class_id join target_results tr on tr.student_id = cs.student_id and tr.assessment_id = (select assessment_id from target_results group by 1 order by abs(count(*) - 20000), 1 limit 1) limit 1) union all (select p.id, p.district_id from people p join role_assignments ra on ra.person_id = p.id and ra.role = 'school_leader' limit 1)`)).rows;
const as = (await database.db.execute<{ id: string }>(sql`(select assessment_id as id from target_results group by 1 order by abs(count(*) - 20000), 1 limit 1) union all (select assessment_id from target_results group by 1 order by count(*) limit 2)`)).rows;
for (const who of [...people, ...more]) {
  const { token } = await createSession(database.db, { id: who.id, districtId: who.district_id }, { ip: "127.0.0.1", userAgent: "x", hours: 1 });
  const actor = (await findActorBySessionToken(database.db, database.pool, token)) ?? ({ personId: who.id, districtId: who.district_id, roles: [{ role: "teacher", schoolId: null }], memberships: {} } as any);
  for (const a of as) {
    const x = await queryAssessmentAnalysis(database.db, actor, a.id);
    const y = await orig(database.db, actor, a.id);
    const norm = (v: any): any => {
      if (!v || typeof v !== "object") return JSON.stringify(v);
      const o: any = { ...v };
      o.demographicCounts = o.demographicCounts?.map((d: any) => JSON.stringify(d)).sort();
      const t = JSON.parse(o.targets);
      for (const x of t) { x.belowProficient.sort(); x.atTopLevel.sort(); }
      o.targets = t; o.students = JSON.parse(o.students);
      return JSON.stringify(o);
    };
    const same = norm(x) === norm(y);
    console.log(who.id.slice(0, 8), a.id.slice(0, 8), x?.studentCount, same);
    if (!same) { const p = JSON.parse(norm(x)), q = JSON.parse(norm(y)); for (const k of Object.keys(p)) if (JSON.stringify(p[k]) !== JSON.stringify(q[k])) { const a = JSON.stringify(p[k]), b = JSON.stringify(q[k]); let i = 0; while (a[i] === b[i]) i++; console.log("  differs:", k, a.slice(i - 100, i + 200), "\n vs", b.slice(i - 100, i + 200)); } }
  }
}
await database.close();
process.exit(0);
