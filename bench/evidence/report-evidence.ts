import type { AnalysisFigures } from "./analysis-timing";
import type { ImportVsCopy } from "./import-vs-copy";

export type EvidenceFigures = { kind: string; importVsCopy: ImportVsCopy; analysis: AnalysisFigures };

export const IMPORT_RATIO_GOAL = 0.5;
export const ANALYSIS_P95_GOAL_MS = 50;
export const API_TO_SQL_GOAL = 1.5;
export const ROLLUP_GOAL_MS = 1000;

export type EvidenceRow = {
  figure: string;
  measured: string;
  reference: string;
  ratio: number;
  goal: string;
  /** Goals the issue sets on PostgreSQL only are shown for PGlite too, marked "(PostgreSQL goal)". */
  isMet: boolean;
};

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const perSecond = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`;

/** The learning-evidence figures of one database, each beside its reference. */
export function evidenceRows({ kind, importVsCopy: i, analysis: a }: EvidenceFigures): EvidenceRow[] {
  const apiRatio = a.analysisApi.p50 / a.analysisSql.p50;
  return [
    {
      figure: `${kind} OneRoster import, ${i.students.toLocaleString("en-US")} students`,
      measured: perSecond(i.rows, i.importSeconds),
      reference: `COPY ${perSecond(i.rows, i.copySeconds)}`,
      ratio: i.ratio,
      goal: `≥ ${IMPORT_RATIO_GOAL.toFixed(2)}×`,
      isMet: i.ratio >= IMPORT_RATIO_GOAL,
    },
    {
      figure: `${kind} team analysis p95 (server)`,
      measured: ms(a.analysisServer.p95),
      reference: `goal ${ANALYSIS_P95_GOAL_MS} ms; p50 ${ms(a.analysisServer.p50)}`,
      ratio: a.analysisServer.p95 / ANALYSIS_P95_GOAL_MS,
      goal: "≤ 1.00×",
      isMet: a.analysisServer.p95 <= ANALYSIS_P95_GOAL_MS,
    },
    {
      figure: `${kind} team analysis API ÷ bare SQL`,
      measured: ms(a.analysisApi.p50),
      reference: `SQL ${ms(a.analysisSql.p50)} (p50s)`,
      ratio: apiRatio,
      goal: `≤ ${API_TO_SQL_GOAL.toFixed(2)}×`,
      isMet: apiRatio <= API_TO_SQL_GOAL,
    },
    {
      figure: `${kind} district by-target rollup`,
      measured: ms(a.rollupSql.p50),
      reference: `goal ${ROLLUP_GOAL_MS} ms; API ${ms(a.rollupApi.p50)}`,
      ratio: a.rollupSql.p50 / ROLLUP_GOAL_MS,
      goal: "≤ 1.00×",
      isMet: a.rollupSql.p50 <= ROLLUP_GOAL_MS,
    },
  ];
}

/** The details behind the rows. */
export function printEvidenceDetails({ kind, importVsCopy: i, analysis: a }: EvidenceFigures): void {
  console.log(`\n${kind}: learning evidence`);
  console.log(
    `  import ${i.rows.toLocaleString("en-US")} table rows: OneRoster import ${i.importSeconds.toFixed(1)} s, raw COPY ${i.copySeconds.toFixed(1)} s`,
  );
  console.log(
    `  analysis of one assessment (${a.assessmentResults.toLocaleString("en-US")} target results; ${a.districtResults.toLocaleString("en-US")} in the district), ${a.analysisApi.runs} runs each:`,
  );
  for (const [label, t] of [
    ["server time (Server-Timing)", a.analysisServer],
    ["API round trip", a.analysisApi],
    ["bare SQL", a.analysisSql],
  ] as const) {
    console.log(`    ${label.padEnd(28)} p50 ${ms(t.p50)}  p95 ${ms(t.p95)}`);
  }
  console.log(
    `  district rollup: SQL p50 ${ms(a.rollupSql.p50)}, API p50 ${ms(a.rollupApi.p50)} (${a.rollupSql.runs} runs)`,
  );
}
