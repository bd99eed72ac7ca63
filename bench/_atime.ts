import os from "node:os";
import { openDatabase } from "../server/db/client";
import { measureAnalysis } from "./evidence/analysis-timing";
const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/collective_bench_large_v2" });
const f = await measureAnalysis(database);
console.log(JSON.stringify({ n: f.assessmentResults, server: f.analysisServer, api: f.analysisApi, sql: f.analysisSql, load: os.loadavg().map((x) => x.toFixed(2)) }));
await database.close();
process.exit(0);
