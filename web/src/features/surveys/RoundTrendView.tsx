import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RoundTrend } from "../../../../contract/surveys";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";

/** Each item's mean level across the terms this instrument ran for the same team or school. */
export function RoundTrendView({ trend }: { trend: RoundTrend }) {
  const shown = trend.rounds.filter((r) => !r.suppressed);
  const sections = [...new Set(trend.items.map((i) => i.section))];
  // One line per section keeps the chart readable; the table has every item.
  const data = shown.map((round) => ({
    term: round.termLabel,
    ...Object.fromEntries(
      sections.map((section) => {
        const means = trend.items
          .filter((i) => i.section === section)
          .map((i) => round.means[i.key])
          .filter((m): m is number => m !== undefined);
        const mean = means.length ? Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 10) / 10 : null;
        return [section, mean];
      }),
    ),
  }));
  const summary =
    shown.length < 2
      ? `${trend.rounds.length} ${trend.rounds.length === 1 ? "round" : "rounds"}, ${shown.length} with enough answers to show: a trend needs two.`
      : `Mean levels over ${shown.length} terms, from ${shown[0]?.termLabel} to ${shown.at(-1)?.termLabel}.`;
  return (
    <ChartFigure
      title="Across terms"
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="term" />
            <YAxis domain={[1, "auto"]} allowDecimals />
            <Tooltip />
            <Legend />
            {sections.map((section, index) => (
              <Line
                key={section}
                type="monotone"
                dataKey={section}
                stroke={`var(--color-series-${index % 6})`}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label="Mean level by item and term">
          <table className="data-table">
            <caption className="visually-hidden">Mean level of each item in each term</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                {trend.rounds.map((round) => (
                  <th key={round.id} scope="col" className="cell-number">
                    {round.termLabel}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.items.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{item.prompt}</th>
                  {trend.rounds.map((round) => (
                    <td key={round.id} className="cell-number">
                      {round.suppressed ? "Too few answers" : (round.means[item.key] ?? "")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
