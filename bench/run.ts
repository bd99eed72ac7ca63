// `npm run bench`: the performance figures, each beside its goal, on PGlite and (when DATABASE_URL is set)
// on PostgreSQL. `npm run bench -- foundation`, `-- evidence`, `-- interventions`, `-- goals`, `-- cycles` or `-- homes` runs one part, and `postgres`
// among them leaves PGlite out. Benchmarks report; they exit 0 once the figures are printed.
import type { Database } from "../server/db/client";
import { type CycleFigures, measureCycles, printCycleFigures } from "./cycles/cycle-timing";
import { openBenchPglite, openBenchPostgres } from "./databases";
import { measureAnalysis } from "./evidence/analysis-timing";
import { measureImportVsCopy } from "./evidence/import-vs-copy";
import { LARGE_STUDENTS, openLargePglite, openLargePostgres } from "./evidence/large-database";
import { type EvidenceFigures, evidenceRows, printEvidenceDetails } from "./evidence/report-evidence";
import { measureGoals, printGoalFigures } from "./goals/goal-timing";
import { type HomeFigures, measureHomes, printHomeFigures } from "./homes/home-timing";
import { type InterventionFigures, measureInterventions } from "./interventions/intervention-timing";
import { interventionRows, printInterventionDetails } from "./interventions/report-interventions";
import { measureReadUnderLoad } from "./read-under-load";
import { type DatabaseFigures, describeMachine, printDetails, printSummary, writeResults } from "./report";
import { startTarget } from "./target";
import { measureThroughput } from "./throughput";

const AUDIT_ROWS = 200_000;
const parts = new Set<string>(process.argv.slice(2));
const onlyPostgres = parts.delete("postgres");
const runs = (part: string) => parts.size === 0 || parts.has(part);

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

async function benchEvidence(
  kind: string,
  openFresh: () => Promise<Database>,
  openLarge: () => Promise<Database>,
): Promise<EvidenceFigures> {
  console.log(`${kind}: OneRoster import of ${LARGE_STUDENTS.toLocaleString("en-US")} students vs raw COPY…`);
  const importVsCopy = await measureImportVsCopy(openFresh, LARGE_STUDENTS);
  const large = await openLarge();
  try {
    console.log(`${kind}: team analysis and district rollup on the generated district…`);
    const analysis = await measureAnalysis(large);
    const figures = { kind, importVsCopy, analysis };
    printEvidenceDetails(figures);
    return figures;
  } finally {
    await large.close();
  }
}

async function benchInterventions(kind: string, openLarge: () => Promise<Database>): Promise<InterventionFigures> {
  const large = await openLarge();
  try {
    console.log(`${kind}: team review list and school report on the generated district…`);
    const figures = await measureInterventions(large, kind, log);
    printInterventionDetails(figures);
    return figures;
  } finally {
    await large.close();
  }
}

const machine = describeMachine();
console.log(
  `${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverage.toFixed(2)} before the run`,
);
const started = performance.now();
const log = (line: string) => console.log(line);
const figures: DatabaseFigures[] = [];
const evidence: EvidenceFigures[] = [];
const interventions: InterventionFigures[] = [];
const cycleFigures: CycleFigures[] = [];
const homeFigures: HomeFigures[] = [];
if (runs("foundation") && !onlyPostgres) figures.push(await benchDatabase("pglite", openBenchPglite));
if (runs("evidence") && !onlyPostgres) {
  evidence.push(await benchEvidence("pglite", openBenchPglite, () => openLargePglite(log)));
}
// The interventions goal is set on PostgreSQL; PGlite would first have to build the large district (slow).
if (runs("interventions")) console.log("\npglite: interventions skipped (measured on PostgreSQL only)");
if (runs("cycles")) console.log("\npglite: cycles skipped (measured on PostgreSQL only)");
if (runs("homes")) console.log("\npglite: homes skipped (measured on PostgreSQL only)");
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  try {
    if (runs("foundation")) figures.push(await benchDatabase("postgres", () => openBenchPostgres(databaseUrl)));
    if (runs("evidence")) {
      evidence.push(
        await benchEvidence(
          "postgres",
          () => openBenchPostgres(databaseUrl),
          () => openLargePostgres(databaseUrl, log),
        ),
      );
    }
    if (runs("interventions")) {
      interventions.push(await benchInterventions("postgres", () => openLargePostgres(databaseUrl, log)));
    }
    // Goals: the generated district's alignment tree, on PostgreSQL only (as the interventions part).
    if (runs("goals")) {
      const large = await openLargePostgres(databaseUrl, log);
      try {
        printGoalFigures(await measureGoals(large, "postgres", log));
      } finally {
        await large.close();
      }
    }
    if (runs("cycles")) {
      const large = await openLargePostgres(databaseUrl, log);
      try {
        const figures = await measureCycles(large, "postgres", log);
        printCycleFigures(figures);
        cycleFigures.push(figures);
      } finally {
        await large.close();
      }
    }
    // The homes: the generated district with a school year of collaboration, on PostgreSQL only.
    if (runs("homes")) {
      const large = await openLargePostgres(databaseUrl, log);
      try {
        const figures = await measureHomes(large, "postgres", log);
        printHomeFigures(figures);
        homeFigures.push(figures);
      } finally {
        await large.close();
      }
    }
  } catch (error) {
    // Keep PGlite's figures, but a run that was asked for PostgreSQL and could not measure it is a failure.
    console.error(`\npostgres: could not be measured: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
} else console.log("\npostgres: skipped (set DATABASE_URL=postgres://… to measure PostgreSQL too)");
const totalSeconds = (performance.now() - started) / 1000;
printSummary(figures, [...evidence.flatMap(evidenceRows), ...interventions.flatMap(interventionRows)]);
console.log(
  `\n${totalSeconds.toFixed(0)} s in all; figures written to ${writeResults([...figures, ...evidence, ...interventions, ...cycleFigures, ...homeFigures], machine, totalSeconds)}`,
);
