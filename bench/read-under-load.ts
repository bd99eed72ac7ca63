import type { Db } from "../server/db/client";
import { generateAuditLog, REPORTS } from "./audit-data";
import { type LoadResult, runLoad } from "./load";
import { median, type Percentiles, percentiles } from "./stats";
import type { Target } from "./target";

// A busy district at its peak: 50 page loads a second, evenly spaced. Each reader is a different browser,
// so connections are not capped at ten: with ten, every stalled request would hold back the nine behind it.
const READERS = { connections: 100, ratePerSecond: 50, seconds: 15, warmupSeconds: 2, maxRequests: 1_000 };

export type ReportTiming = { name: string; runs: number; ms: Percentiles };

export type ReadUnderLoad = {
  auditRows: number;
  generateSeconds: number;
  readers: typeof READERS;
  /** Each report run alone, three times. */
  reportsAlone: { name: string; medianMs: number }[];
  idle: LoadResult;
  underReports: LoadResult;
  /** The reports as the concurrent loop saw them (including any wait for a connection). */
  reportsDuringLoad: ReportTiming[];
};

/** p50/p95/p99 of GET /api/v1/me, first alone, then while report queries run back to back on the same database. */
export async function measureReadUnderLoad(db: Db, target: Target, auditRows: number): Promise<ReadUnderLoad> {
  const started = performance.now();
  await generateAuditLog(db, target.districtId, auditRows);
  const generateSeconds = (performance.now() - started) / 1000;
  const reportsAlone = await timeReportsAlone(db, target.districtId);
  const load = { url: target.meUrl, headers: target.headers, ...READERS };
  const idle = await runLoad(load);
  const reports = startReportLoop(db, target.districtId);
  let underReports: LoadResult;
  try {
    underReports = await runLoad(load);
  } finally {
    await reports.stop();
  }
  return {
    auditRows,
    generateSeconds,
    readers: READERS,
    reportsAlone,
    idle,
    underReports,
    reportsDuringLoad: reports.timings(),
  };
}

async function timeReportsAlone(db: Db, districtId: string) {
  const timings = [];
  for (const report of REPORTS) {
    const durations: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await db.execute(report.query(districtId));
      durations.push(performance.now() - started);
    }
    timings.push({ name: report.name, medianMs: median(durations) });
  }
  return timings;
}

/** Runs every report in turn, back to back, like a leader's dashboard refreshing without pause, until stopped. */
function startReportLoop(db: Db, districtId: string) {
  const durations = new Map<string, number[]>(REPORTS.map((report) => [report.name, []]));
  let isRunning = true;
  const loop = (async () => {
    for (let turn = 0; isRunning; turn++) {
      const report = REPORTS[turn % REPORTS.length];
      if (!report) break;
      const started = performance.now();
      await db.execute(report.query(districtId));
      durations.get(report.name)?.push(performance.now() - started);
    }
  })();
  return {
    stop: async () => {
      isRunning = false;
      await loop;
    },
    timings: (): ReportTiming[] => [...durations].map(([name, ms]) => ({ name, runs: ms.length, ms: percentiles(ms) })),
  };
}
