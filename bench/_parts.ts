import { sql, type SQL } from "drizzle-orm";
import { openDatabase } from "../server/db/client";
import * as S from "../server/features/analysis/analysis-sections";
const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/collective_bench_large_v2" });
const leader = (await database.db.execute<{ id: string; district_id: string }>(sql`select p.id, p.district_id from people p where email like 'bench.leader.%' limit 1`)).rows[0]!;
const actor = { personId: leader.id, districtId: leader.district_id, roles: [{ role: "district_leader", schoolId: null }], memberships: {} } as any;
const a = (await database.db.execute<{ id: string }>(sql`select assessment_id as id from target_results group by 1 order by abs(count(*) - 20000), 1 limit 1`)).rows[0]!.id;
const ctes = sql`with ${S.baseCtes(actor, a)}, ${S.tallyCtes}, ${S.perTargetCte}, ${S.peopleCtes}, ${S.itemCtes(a)}`;
const parts: Record<string, SQL> = {
  res: sql`(select count(*) from res)`,
  pop: sql`(select count(*) from pop)`,
  stu: sql`(select count(*) from stu)`,
  r: sql`(select count(*) from r)`,
  by_class: sql`(select count(*) from by_class)`,
  cnt: sql`(select count(*) from cnt)`,
  tally: sql`(select count(*) from tally)`,
  targets: sql`${S.targetsJson}::text`,
  per_target: sql`(select count(*) from per_target)`,
  lists: sql`(select count(*) from lists)`,
  classes: sql`${S.classesJson}::text`,
  teachers: sql`${S.teachersJson}::text`,
  iscore: sql`(select count(*) from iscore)`,
  items: sql`${S.itemsJson}::text`,
  students: sql`${S.studentsJson}::text`,
  demo: sql`${S.demographicCountsJson}::text`,
};
const only = process.argv.slice(2);
for (const [name, expr] of Object.entries(parts)) {
  if (only.length && !only.includes(name)) continue;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('enable_nestloop', 'off', true), set_config('enable_sort', 'off', true), set_config('work_mem', '32MB', true)`);
      const t0 = performance.now();
      await tx.execute(sql`${ctes} select ${expr}`);
      return performance.now() - t0;
    });
    times.push(t);
  }
  times.sort((x, y) => x - y);
  console.log(name.padEnd(12), times[3]!.toFixed(1), times[0]!.toFixed(1));
}
await database.close();
process.exit(0);
