import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { AssessmentAnalysis } from "../../../../contract/analysis";
import { ChartFigure, TableFrame } from "./ChartFigure";
import { formatPercent, targetName } from "./levels";

const BAR_COLOR = "#1e6b3a";

/** Per item: how many earned full marks, the average, and the most common wrong answer where a key is given. */
export function ItemAnalysis({ analysis }: { analysis: AssessmentAnalysis }) {
  const { items } = analysis;
  if (items.length === 0) return <p className="muted">This assessment has no items; results were entered by target.</p>;
  const targetNames = new Map(analysis.targets.map((t) => [t.targetId, targetName(t)]));
  const hardest = [...items]
    .filter((item) => item.percentFullyCorrect !== null)
    .sort((a, b) => (a.percentFullyCorrect ?? 0) - (b.percentFullyCorrect ?? 0))
    .slice(0, 3);
  const summary =
    hardest.length > 0
      ? `Fewest full marks: ${hardest.map((item) => `${item.label} (${formatPercent(item.percentFullyCorrect)})`).join(", ")}.`
      : "No item scores yet.";
  return (
    <ChartFigure
      title="Items: percent with full marks"
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(140, 34 * items.length + 48)}>
          <BarChart
            data={items.map((item) => ({ name: item.label, percent: item.percentFullyCorrect ?? 0 }))}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ left: 8, right: 48 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="name" width={220} interval={0} />
            <Bar dataKey="percent" name="Full marks" fill={BAR_COLOR} isAnimationActive={false}>
              <LabelList dataKey="percent" position="right" formatter={(value: unknown) => `${value}%`} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label="Item analysis">
          <table className="data-table">
            <caption className="visually-hidden">Results on each item</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Targets</th>
                <th scope="col" className="cell-number">
                  Scored
                </th>
                <th scope="col" className="cell-number">
                  Mean points
                </th>
                <th scope="col" className="cell-number">
                  % of points
                </th>
                <th scope="col" className="cell-number">
                  % full marks
                </th>
                <th scope="col">Key</th>
                <th scope="col">Most common wrong answer</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.label}</th>
                  <td>{item.targetIds.map((id) => targetNames.get(id) ?? "").join(", ")}</td>
                  <td className="cell-number">{item.scored}</td>
                  <td className="cell-number">
                    {item.meanPoints ?? "—"} / {item.maxPoints}
                  </td>
                  <td className="cell-number">{formatPercent(item.percentOfMax)}</td>
                  <td className="cell-number">{formatPercent(item.percentFullyCorrect)}</td>
                  <td>{item.correctResponse ?? "—"}</td>
                  <td>
                    {item.mostCommonWrong
                      ? `${item.mostCommonWrong.response} (${item.mostCommonWrong.count} students)`
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
