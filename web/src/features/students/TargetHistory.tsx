import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { StudentTargetHistory } from "../../../../contract/students";
import { formatDay } from "../../components/format";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";

const LINE_COLOR = "#1d4f91";

function proficiencyWord(isProficient: boolean | null): string {
  return isProficient === null ? "" : isProficient ? "proficient" : "not yet proficient";
}

/** One target over time: the level at each assessment as a small line chart, and as a table. */
export function TargetHistory({ history }: { history: StudentTargetHistory }) {
  const { results } = history;
  const latest = results.at(-1);
  const top = Math.max(4, ...results.map((r) => r.topLevel ?? r.level));
  const proficientLevel = latest?.proficientLevel ?? null;
  const summary = latest
    ? `Latest: level ${latest.level} of ${latest.topLevel ?? top} on ${formatDay(latest.date)}, ${proficiencyWord(latest.isProficient)}. ` +
      `${results.length} ${results.length === 1 ? "result" : "results"}` +
      (results.length > 1 ? `, first at level ${results[0]?.level} on ${formatDay(results[0]?.date)}.` : ".")
    : "No results yet.";
  return (
    <ChartFigure
      title={history.code ? `${history.code}: ${history.statement}` : history.statement}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={180}>
          <LineChart
            data={results.map((r, index) => ({ key: `${index}`, name: formatDay(r.date), level: r.level }))}
            accessibilityLayer={false}
            margin={{ top: 12, right: 24, left: 0, bottom: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} padding={{ left: 36, right: 36 }} />
            <YAxis domain={[1, top]} allowDecimals={false} width={32} />
            {proficientLevel !== null ? (
              <ReferenceLine
                y={proficientLevel}
                stroke="#4a5263"
                strokeDasharray="6 4"
                label={{ value: "Proficient", position: "insideTopRight", fill: "#4a5263" }}
              />
            ) : null}
            <Line
              type="linear"
              dataKey="level"
              stroke={LINE_COLOR}
              strokeWidth={2.5}
              dot={{ r: 5, fill: LINE_COLOR }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label={`Results on ${history.code ?? history.statement}`}>
          <table className="data-table">
            <caption className="visually-hidden">Every result on this target, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Assessment</th>
                <th scope="col" className="cell-number">
                  Points
                </th>
                <th scope="col" className="cell-number">
                  Level
                </th>
                <th scope="col">Proficient?</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={result.assessmentId}>
                  <td className="cell-nowrap">{formatDay(result.date)}</td>
                  <th scope="row">{result.assessmentTitle}</th>
                  <td className="cell-number">
                    {result.points}
                    {result.maxPoints !== null ? ` / ${result.maxPoints}` : ""}
                  </td>
                  <td className="cell-number">
                    {result.level}
                    {result.topLevel !== null ? ` of ${result.topLevel}` : ""}
                  </td>
                  <td>{result.isProficient === null ? "—" : result.isProficient ? "Yes" : "Not yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
