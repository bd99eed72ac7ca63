import type { EvidenceRow } from "../evidence/report-evidence";
import type { InterventionFigures } from "./intervention-timing";

export const INTERVENTION_P95_GOAL_MS = 100;

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** One summary row per measured route and reader; routes not built yet are left to the details. */
export function interventionRows({ kind, timings }: InterventionFigures): EvidenceRow[] {
  return timings.flatMap((t) =>
    t.status === "measured"
      ? [
          {
            figure: `${kind} ${t.route} p95 (${t.reader})`,
            measured: ms(t.p95),
            reference: `goal ${INTERVENTION_P95_GOAL_MS} ms; p50 ${ms(t.p50)}`,
            ratio: t.p95 / INTERVENTION_P95_GOAL_MS,
            goal: "≤ 1.00×",
            isMet: t.p95 <= INTERVENTION_P95_GOAL_MS,
          },
        ]
      : [],
  );
}

/** The details behind the rows: the data each route read, and each route's server time or why it has none. */
export function printInterventionDetails(f: InterventionFigures): void {
  console.log(`\n${f.kind}: interventions on the generated district`);
  console.log(
    `  ${f.plans.toLocaleString("en-US")} plans in the district${f.seedSeconds === null ? "" : ` (generated in ${f.seedSeconds.toFixed(0)} s)`}; ` +
      `${f.teamActivePlans.toLocaleString("en-US")} active in the team reviewed, ${f.schoolPlans.toLocaleString("en-US")} in the school reported on`,
  );
  for (const t of f.timings) {
    const label = `${t.route}, ${t.reader}`.padEnd(36);
    if (t.status === "measured") {
      console.log(`    ${label} server time p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  (${t.runs} runs)`);
    } else console.log(`    ${label} ${t.status}${t.status === "failed" ? `: ${t.detail}` : ""}`);
  }
}
