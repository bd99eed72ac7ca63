import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { Goal } from "../../../../contract/goals";
import { formatDay } from "../../components/format";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";
import { formatValue } from "./goal-format";

/** The values recorded at check-ins over time, against the line from baseline to target. */
export function GoalChart({ goal }: { goal: Goal }) {
  const points = goal.checkins.filter((c) => c.value !== null);
  if (points.length === 0) return null;
  const data = points.map((c) => ({ day: c.checkedOn, value: c.value }));
  const last = points[points.length - 1];
  const summary = `${points.length} ${points.length === 1 ? "value" : "values"} recorded; the latest, ${formatValue(
    last?.value ?? null,
    goal.unit,
  )} on ${formatDay(last?.checkedOn)}, against a target of ${formatValue(goal.target, goal.unit)} by ${formatDay(goal.dueOn)}.`;
  return (
    <ChartFigure
      title="Values over time"
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={["auto", "auto"]} />
            <Line type="monotone" dataKey="value" stroke="var(--color-series-0)" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label="Values by day">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {points.map((c) => (
                <tr key={c.id}>
                  <td>{formatDay(c.checkedOn)}</td>
                  <td>{formatValue(c.value, goal.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
