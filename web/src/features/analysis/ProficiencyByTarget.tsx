import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AssessmentAnalysis } from "../../../../contract/analysis";
import { ChartFigure, TableFrame } from "./ChartFigure";
import { countAt, formatPercent, levelColor, levelName, levelsOf, targetName } from "./levels";
import { TargetLabel } from "./TargetLabel";

/** How many students reached each level on each target: stacked bars, and the same counts as a table. */
export function ProficiencyByTarget({ analysis }: { analysis: AssessmentAnalysis }) {
  const { targets } = analysis;
  const levels = levelsOf(targets);
  const data = targets.map((target) => ({
    name: targetName(target),
    ...Object.fromEntries(levels.map((level) => [`level${level}`, countAt(target.levels, level)])),
  }));
  const summary = targets
    .map(
      (t) =>
        `${targetName(t)}: ${t.proficient} of ${t.assessed} students proficient (${formatPercent(t.proficientPercent)})` +
        (t.notEntered ? `, ${t.notEntered} not entered.` : "."),
    )
    .join(" ");
  return (
    <ChartFigure
      title="Proficiency by target"
      summary={summary || "No results yet."}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(160, 56 * targets.length + 80)}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={120} />
            <Tooltip />
            <Legend />
            {levels.map((level, index) => (
              <Bar
                key={level}
                dataKey={`level${level}`}
                name={levelName(level, targets)}
                stackId="levels"
                fill={levelColor(index)}
                isAnimationActive={false}
              >
                <LabelList
                  dataKey={`level${level}`}
                  position="center"
                  fill="#ffffff"
                  formatter={(value: unknown) => (value ? String(value) : "")}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label="Proficiency by target">
          <table className="data-table">
            <caption className="visually-hidden">Students at each level on each target</caption>
            <thead>
              <tr>
                <th scope="col">Target</th>
                {levels.map((level) => (
                  <th key={level} scope="col" className="cell-number">
                    {levelName(level, targets)}
                  </th>
                ))}
                <th scope="col" className="cell-number">
                  Assessed
                </th>
                <th scope="col" className="cell-number">
                  Proficient
                </th>
                <th scope="col" className="cell-number">
                  Mean points
                </th>
                <th scope="col" className="cell-number">
                  Not entered
                </th>
                <th scope="col" className="cell-number">
                  Partly scored
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.targetId}>
                  <th scope="row">
                    <TargetLabel target={target} />
                  </th>
                  {levels.map((level) => (
                    <td key={level} className="cell-number">
                      {countAt(target.levels, level)}
                    </td>
                  ))}
                  <td className="cell-number">{target.assessed}</td>
                  <td className="cell-number">
                    {target.proficient} ({formatPercent(target.proficientPercent)})
                  </td>
                  <td className="cell-number">
                    {target.meanPoints ?? "—"} / {target.maxPoints}
                  </td>
                  <td className="cell-number">{target.notEntered}</td>
                  <td className="cell-number">{target.partlyScored.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}
