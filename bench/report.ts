import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { LoadResult } from "./load";
import type { ReadUnderLoad } from "./read-under-load";
import type { Throughput } from "./throughput";

export const P99_GOAL_MS = 100;
export const RATIO_GOAL = 0.6;

export type DatabaseFigures = { kind: string; throughput: Throughput; readUnderLoad: ReadUnderLoad };

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const count = (value: number) => Math.round(value).toLocaleString("en-US");
const latency = (r: LoadResult) =>
  `p50 ${ms(r.latencyMs.p50)}  p95 ${ms(r.latencyMs.p95)}  p99 ${ms(r.latencyMs.p99)}  max ${ms(r.latencyMs.max)}`;
const outcome = (r: LoadResult) => `${count(r.requests)} ok, ${r.failures} failed`;

/** The measurements behind the summary, one block per database. */
export function printDetails({ kind, throughput: t, readUnderLoad: r }: DatabaseFigures): void {
  const { readers } = r;
  console.log(
    `\n${kind}: GET /api/v1/me, ${readers.ratePerSecond} req/s evenly spaced, ≤ ${readers.connections} connections`,
  );
  console.log(
    `  ${count(r.auditRows)} audit_log rows in the district (generated in ${r.generateSeconds.toFixed(1)} s)`,
  );
  for (const [label, result] of [
    ["no reports running", r.idle],
    ["reports running", r.underReports],
  ] as const) {
    console.log(`  ${label.padEnd(20)} ${latency(result)}   (${outcome(result)}, ${count(result.perSecond)} req/s)`);
  }
  console.log("  report                                    alone (median)   while /me is read (p50 / max, runs)");
  for (const alone of r.reportsAlone) {
    const during = r.reportsDuringLoad.find((d) => d.name === alone.name);
    const duringText = during ? `${ms(during.ms.p50)} / ${ms(during.ms.max)}, ${during.runs} runs` : "";
    console.log(`    ${alone.name.padEnd(40)} ${ms(alone.medianMs).padStart(8)}   ${duringText}`);
  }
  console.log(
    `${kind}: requests per second, flat out over ${t.drive.connections} connections for ${t.drive.seconds} s`,
  );
  for (const [label, result] of [
    ["app GET /api/v1/me", t.me],
    ["bare route, select 1", t.bare],
    ["bare route, /me's query", t.bareWithMeQueries],
  ] as const) {
    console.log(
      `  ${label.padEnd(26)} ${count(result.perSecond).padStart(6)} req/s   ${latency(result)}   (${outcome(result)})`,
    );
  }
  const q = t.queryMs;
  console.log(`  each query alone           /me: actor ${ms(q.actor)};  bare route: select 1 ${ms(q.select1)}`);
}

export type Row = { figure: string; measured: string; reference: string; ratio: number; goal: string; isMet: boolean };

function rowsFor({ kind, throughput: t, readUnderLoad: r }: DatabaseFigures): Row[] {
  const p99Row = (label: string, result: LoadResult): Row => ({
    figure: `${kind} GET /me p99, ${label}`,
    measured: ms(result.latencyMs.p99),
    reference: `goal ${P99_GOAL_MS} ms`,
    ratio: result.latencyMs.p99 / P99_GOAL_MS,
    goal: "≤ 1.00×",
    isMet: result.latencyMs.p99 <= P99_GOAL_MS && result.failures === 0,
  });
  return [
    p99Row("no reports", r.idle),
    p99Row("reports running", r.underReports),
    {
      figure: `${kind} GET /me req/s`,
      measured: count(t.me.perSecond),
      reference: `bare select 1: ${count(t.bare.perSecond)}`,
      ratio: t.ratio,
      goal: `≥ ${RATIO_GOAL.toFixed(2)}×`,
      isMet: t.ratio >= RATIO_GOAL && t.me.failures === 0 && t.bare.failures === 0,
    },
  ];
}

/** The summary table: each figure beside its reference or goal, with the ratio and a verdict. */
export function printSummary(figures: DatabaseFigures[], extraRows: Row[] = []): void {
  const line = (cells: string[]) => {
    const [figure = "", measured = "", reference = "", ratio = "", goal = "", verdict = ""] = cells;
    const padded = [figure.padEnd(44), measured.padStart(14), reference.padEnd(34), ratio.padStart(6), goal.padEnd(7)];
    console.log([...padded, verdict].join("  "));
  };
  console.log("");
  line(["Figure", "Measured", "Reference", "Ratio", "Goal", "Verdict"]);
  for (const row of [...figures.flatMap(rowsFor), ...extraRows]) {
    const verdict = row.isMet ? "goal met" : "goal missed";
    line([row.figure, row.measured, row.reference, `${row.ratio.toFixed(2)}×`, row.goal, verdict]);
  }
}

/** The machine the figures come from, and how busy it already was: other work on two cores skews them. */
export function describeMachine() {
  const [loadAverage = 0] = os.loadavg();
  return { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage };
}

/** Writes every figure, with the machine it was measured on, to bench/results/latest.json. */
export function writeResults(
  figures: unknown[],
  machine: ReturnType<typeof describeMachine>,
  totalSeconds: number,
): string {
  const folder = new URL("./results/", import.meta.url);
  mkdirSync(folder, { recursive: true });
  const file = new URL("latest.json", folder);
  const goals = { p99Ms: P99_GOAL_MS, meToBareRatio: RATIO_GOAL };
  const body = { measuredAt: new Date().toISOString(), totalSeconds, machine, goals, databases: figures };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file.pathname;
}
