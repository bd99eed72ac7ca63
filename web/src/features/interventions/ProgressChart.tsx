import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import type { PlanDetail } from "../../../../contract/interventions";
import { formatDay } from "../../components/format";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";
import { formatScore, formatSlope } from "./intervention-format";

const DAY_MS = 86_400_000;
const COLORS = { score: "#1d4f91", aim: "#4a5263", trend: "#b35900", present: "#1e7a3c", absent: "#b3261e" };

function dayNumber(start: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

function dayOf(start: string, n: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The aim line's value on a day, for the table beside the drawing (the server judges the rule). */
function aimOn(plan: PlanDetail, day: string): number {
  const span = dayNumber(plan.aim.from.date, plan.aim.to.date);
  const share = span > 0 ? dayNumber(plan.aim.from.date, day) / span : 1;
  return plan.aim.from.value + (plan.aim.to.value - plan.aim.from.value) * share;
}

/** The chart's message in words: how many scores, what the rule says, trend against aim, attendance. */
export function progressSummary(plan: PlanDetail): string {
  const count = `${plan.scores.length} ${plan.scores.length === 1 ? "score" : "scores"}`;
  const isRising = plan.goal >= plan.baseline;
  const behind = isRising ? "below" : "above";
  const ahead = isRising ? "above" : "below";
  const rule =
    plan.rule.flag === "adjust"
      ? `the last ${plan.rule.rulePoints} are ${behind} the aim line: adjust.`
      : plan.rule.flag === "consider_exit"
        ? `the last ${plan.rule.rulePoints} are ${ahead} the aim line: consider exit.`
        : plan.rule.pointsNeeded > 0
          ? `${plan.rule.pointsNeeded} more before the decision rule (last ${plan.rule.rulePoints} points) applies.`
          : `the last ${plan.rule.rulePoints} are on both sides of the aim line: no flag.`;
  const trend = plan.trend
    ? ` Trend ${formatSlope(plan.trend.slopePerWeek)} a week; aim ${formatSlope(plan.aim.slopePerWeek)} a week.`
    : ` Aim ${formatSlope(plan.aim.slopePerWeek)} a week.`;
  const sessions = plan.sessions.length
    ? ` Sessions attended: ${plan.fidelity.present} of ${plan.fidelity.held} held.`
    : " No sessions recorded.";
  return `${count}; ${rule}${trend}${sessions}`;
}

/** Scores over time with the aim line, the trend line and session attendance along the bottom. */
export function ProgressChart({ plan }: { plan: PlanDetail }) {
  const start = plan.startDate;
  const scores = plan.scores.map((s) => ({ x: dayNumber(start, s.measuredOn), y: s.score }));
  const aim = [plan.aim.from, plan.aim.to].map((p) => ({ x: dayNumber(start, p.date), y: p.value }));
  const trend = plan.trend
    ? [plan.trend.from, plan.trend.to].map((p) => ({ x: dayNumber(start, p.date), y: p.value }))
    : [];
  const values = [...scores, ...aim, ...trend].map((p) => p.y);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, (high - low) * 0.1);
  const floor = Math.floor(low - 2 * pad);
  const sessionsAt = (attendance: "present" | "absent") =>
    plan.sessions
      .filter((s) => s.attendance === attendance)
      .map((s) => ({ x: dayNumber(start, s.sessionOn), y: floor }));
  const lastDay = Math.max(
    dayNumber(start, plan.goalDate),
    ...scores.map((p) => p.x),
    ...plan.sessions.map((s) => dayNumber(start, s.sessionOn)),
  );

  return (
    <ChartFigure
      title={`Progress: ${plan.measure}`}
      summary={progressSummary(plan)}
      chart={
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart accessibilityLayer={false} margin={{ top: 12, right: 24, left: 0, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[0, lastDay]}
              tickFormatter={(n: number) => formatDay(dayOf(start, n))}
              allowDuplicatedCategory={false}
            />
            <YAxis type="number" dataKey="y" domain={[floor, Math.ceil(high + pad)]} width={44} />
            <Legend />
            <Line
              data={aim}
              dataKey="y"
              name="Aim line"
              stroke={COLORS.aim}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            {trend.length ? (
              <Line data={trend} dataKey="y" name="Trend" stroke={COLORS.trend} dot={false} isAnimationActive={false} />
            ) : null}
            <Scatter data={scores} name="Scores" fill={COLORS.score} line={false} isAnimationActive={false} />
            <Scatter
              data={sessionsAt("present")}
              name="Session attended"
              fill={COLORS.present}
              shape="triangle"
              isAnimationActive={false}
            />
            <Scatter
              data={sessionsAt("absent")}
              name="Session missed"
              fill={COLORS.absent}
              shape="cross"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label="Scores against the aim line">
          <table className="data-table">
            <caption className="visually-hidden">Every score, oldest first, with the aim line's value that day</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="cell-number">
                  Score
                </th>
                <th scope="col" className="cell-number">
                  Aim that day
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {plan.scores.map((score) => (
                <tr key={score.measuredOn}>
                  <th scope="row" className="cell-nowrap">
                    {formatDay(score.measuredOn)}
                  </th>
                  <td className="cell-number">{formatScore(score.score)}</td>
                  <td className="cell-number">{formatScore(aimOn(plan, score.measuredOn))}</td>
                  <td>{score.note || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
