import type { z } from "zod";
import type { Checkin } from "../../../../contract/communities";
import { formatDay } from "../../components/format";

export type Trend = {
  /** The opening day of each check-in that has ratings, oldest first. */
  dates: string[];
  ids: string[];
  responses: number[];
  /** One series per norm (matched by its words, since norms change between versions). */
  series: { norm: string; values: (number | null)[] }[];
  summary: string;
};

/** Lines up the averages of each norm across check-ins, for the chart and its table. */
export function buildTrend(checkins: readonly z.infer<typeof Checkin>[]): Trend {
  const rated = checkins.filter((checkin) => checkin.responses > 0).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const norms: string[] = [];
  // The newest norms come first, so the legend reads like the norms the team keeps today.
  for (const checkin of [...rated].reverse()) {
    for (const norm of checkin.norms) if (!norms.includes(norm)) norms.push(norm);
  }
  const series = norms.map((norm) => ({
    norm,
    values: rated.map((checkin) => {
      const index = checkin.norms.indexOf(norm);
      return index === -1 ? null : (checkin.averages[index] ?? null);
    }),
  }));
  const latest = rated.at(-1);
  const latestValues = latest?.averages.filter((value): value is number => value !== null) ?? [];
  const mean = latestValues.length ? latestValues.reduce((sum, value) => sum + value, 0) / latestValues.length : null;
  const first = rated[0];
  const summary =
    !first || !latest
      ? "No ratings yet."
      : `${rated.length === 1 ? "One check-in" : `${rated.length} check-ins`} from ${formatDay(first.opensOn)} to ${formatDay(latest.opensOn)}.` +
        (mean === null ? "" : ` At the latest, the norms averaged ${mean.toFixed(1)} out of 4.`);
  return {
    dates: rated.map((checkin) => checkin.opensOn),
    ids: rated.map((checkin) => checkin.id),
    responses: rated.map((checkin) => checkin.responses),
    series,
    summary,
  };
}
