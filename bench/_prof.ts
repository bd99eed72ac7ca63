import { sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client";
import { createSession, findActorBySessionToken } from "../server/auth/sessions";
import { queryAssessmentAnalysis } from "../server/features/analysis/analysis.queries";
const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/collective_bench_large_v2" });
const leader = (await database.db.execute<{ id: string; district_id: string }>(sql`select p.id, p.district_id from people p where email like 'bench.leader.%' limit 1`)).rows[0]!;
const { token } = await createSession(database.db, { id: leader.id, districtId: leader.district_id }, { ip: "127.0.0.1", userAgent: "x", hours: 1 });
const actor = (await findActorBySessionToken(database.db, database.pool, token))!;
const a = (await database.db.execute<{ id: string }>(sql`select assessment_id as id from target_results group by 1 order by abs(count(*) - 20000), 1 limit 1`)).rows[0]!;
let captured: { text: string; values: unknown[] } | undefined;
const realConnect = database.pool.connect.bind(database.pool) as () => Promise<any>;
(database.pool as any).connect = async () => {
  const c = await realConnect();
  const q = c.query.bind(c);
  c.query = (config: any, values: any) => {
    if (typeof config === "object" && config.text?.includes("json_build_object")) captured = { text: config.text, values: config.values ?? values };
    return q(config, values);
  };
  return c;
};
try { await queryAssessmentAnalysis(database.db, actor, a.id); } catch (e) { console.log("err", String(e)); }
(database.pool as any).connect = realConnect;
const client = await realConnect();
if (captured && process.env.DUMP) { let t = captured.text; captured.values.forEach((v, i) => { t = t.replaceAll(new RegExp("\\$" + (i + 1) + "(?![0-9])", "g"), `'${String(v)}'`); }); (await import("node:fs")).writeFileSync(process.env.DUMP, t + ";\n"); }
if (captured) {
  await client.query("set jit = off"); if (process.env.NONEST) await client.query("set enable_nestloop = off"); if (process.env.WORKMEM) await client.query(`set work_mem = "${process.env.WORKMEM}"`); if (process.env.NOSORT) await client.query("set enable_sort = off");
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); await client.query(captured.text, captured.values); console.log("run", Math.round(performance.now() - t0)); }
  const plan = await client.query(`explain (analyze, buffers) ${captured.text}`, captured.values);
  console.log(plan.rows.map((r: any) => r["QUERY PLAN"]).join("\n"));
} else console.log("no capture");
client.release();
await database.close();
process.exit(0);
