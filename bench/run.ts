// `npm run bench`: the foundation's performance figures, each beside its goal, on PGlite and (when
// DATABASE_URL is set) on PostgreSQL. Benchmarks report; they always exit 0 once the figures are printed.
import type { Database } from "../server/db/client";
import { openBenchPglite, openBenchPostgres } from "./databases";
import { measureReadUnderLoad } from "./read-under-load";
import { type DatabaseFigures, describeMachine, printDetails, printSummary, writeResults } from "./report";
import { startTarget } from "./target";
import { measureThroughput } from "./throughput";

const AUDIT_ROWS = 200_000;

async function benchDatabase(kind: string, open: () => Promise<Database>) {
  console.log(`${kind}: migrating a fresh database…`);
  const database = await open();
  try {
    const target = await startTarget(database);
    try {
      console.log(`${kind}: requests per second of GET /api/v1/me and of a bare select 1 route…`);
      const throughput = await measureThroughput(database, target);
      console.log(`${kind}: GET /api/v1/me latency, without and with report queries running…`);
      const readUnderLoad = await measureReadUnderLoad(database.db, target, AUDIT_ROWS);
      const figures: DatabaseFigures = { kind, throughput, readUnderLoad };
      printDetails(figures);
      return figures;
    } finally {
      await target.close();
    }
  } finally {
    await database.close();
  }
}

const machine = describeMachine();
console.log(
  `${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverage.toFixed(2)} before the run`,
);
const started = performance.now();
const figures = [await benchDatabase("pglite", openBenchPglite)];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  try {
    figures.push(await benchDatabase("postgres", () => openBenchPostgres(databaseUrl)));
  } catch (error) {
    // Keep PGlite's figures, but a run that was asked for PostgreSQL and could not measure it is a failure.
    console.error(`\npostgres: could not be measured: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
} else console.log("\npostgres: skipped (set DATABASE_URL=postgres://… to measure PostgreSQL too)");
const totalSeconds = (performance.now() - started) / 1000;
printSummary(figures);
console.log(
  `\n${totalSeconds.toFixed(0)} s in all; figures written to ${writeResults(figures, machine, totalSeconds)}`,
);
