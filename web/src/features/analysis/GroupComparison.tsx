import { useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { AnalysisGroup, AssessmentAnalysis } from "../../../../contract/analysis";
import { RadioGroup } from "../../components/ChoiceGroup";
import analysisStyles from "./analysis.module.css";
import { ChartFigure, TableFrame } from "./ChartFigure";
import { countAt, formatPercent, levelName, levelsOf, targetName } from "./levels";

type GroupKind = "classes" | "teachers";
const KIND_LABELS: Record<GroupKind, { one: string; many: string; related: string }> = {
  classes: { one: "Class", many: "classes", related: "Teachers" },
  teachers: { one: "Teacher", many: "teachers", related: "Classes" },
};
/** Beyond this many bars a chart stops being readable; the table still lists every group. */
const MAX_CHARTED = 24;
const BAR_COLOR = "#1d4f91";

/**
 * Classes (or teachers) side by side: for each target, one bar per group with its proficient share, so a team
 * can see where a practice is working and spread it. The table gives the counts at every level.
 */
export function GroupComparison({ analysis }: { analysis: AssessmentAnalysis }) {
  const [kind, setKind] = useState<GroupKind>("classes");
  const groups = kind === "classes" ? analysis.classes : analysis.teachers;
  const labels = KIND_LABELS[kind];
  if (analysis.classes.length === 0) return <p className="muted">No class has results yet.</p>;
  const charted = groups.slice(0, MAX_CHARTED);
  return (
    <>
      <RadioGroup
        legend="Compare"
        isInline
        choices={[
          { value: "classes", label: "Classes" },
          { value: "teachers", label: "Teachers" },
        ]}
        value={kind}
        onChange={setKind}
      />
      <div className={analysisStyles.grid}>
        {analysis.targets.map((target, index) => (
          <ChartFigure
            key={target.targetId}
            headingLevel={4}
            title={`${targetName(target)}: proficient by ${labels.one.toLowerCase()}`}
            summary={describeGroups(groups, index, labels.many)}
            chart={
              <ResponsiveContainer width="100%" height={Math.max(120, 36 * charted.length + 48)}>
                <BarChart
                  data={charted.map((group) => ({
                    name: group.name,
                    percent: group.targets[index]?.proficientPercent ?? 0,
                  }))}
                  layout="vertical"
                  accessibilityLayer={false}
                  margin={{ left: 8, right: 48 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 100]} unit="%" />
                  <YAxis type="category" dataKey="name" width={200} interval={0} />
                  <Bar dataKey="percent" name="Proficient" fill={BAR_COLOR} isAnimationActive={false}>
                    <LabelList dataKey="percent" position="right" formatter={(value: unknown) => `${value}%`} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            }
            table={<GroupTable groups={groups} analysis={analysis} index={index} kind={kind} />}
          />
        ))}
      </div>
      {groups.length > MAX_CHARTED ? (
        <p className="muted">
          The charts show the first {MAX_CHARTED} {labels.many}; each table lists all {groups.length}.
        </p>
      ) : null}
    </>
  );
}

function describeGroups(groups: readonly AnalysisGroup[], index: number, many: string): string {
  const shares = groups
    .map((group) => ({ name: group.name, tally: group.targets[index] }))
    .filter((g) => g.tally && g.tally.assessed > 0);
  if (shares.length === 0) return `No results by ${many} yet.`;
  const sorted = [...shares].sort((a, b) => (b.tally?.proficientPercent ?? 0) - (a.tally?.proficientPercent ?? 0));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const range =
    sorted.length > 1
      ? `Highest: ${top?.name} at ${formatPercent(top?.tally?.proficientPercent ?? null)}; lowest: ${bottom?.name} at ${formatPercent(bottom?.tally?.proficientPercent ?? null)}.`
      : `${top?.name}: ${formatPercent(top?.tally?.proficientPercent ?? null)}.`;
  return `Proficient share across ${shares.length} ${many}. ${range}`;
}

type GroupTableProps = {
  groups: readonly AnalysisGroup[];
  analysis: AssessmentAnalysis;
  index: number;
  kind: GroupKind;
};

function GroupTable({ groups, analysis, index, kind }: GroupTableProps) {
  const levels = levelsOf(analysis.targets);
  const labels = KIND_LABELS[kind];
  return (
    <TableFrame label={`${labels.one} results`}>
      <table className="data-table">
        <caption className="visually-hidden">Students at each level, by {labels.one.toLowerCase()}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.one}</th>
            <th scope="col">{labels.related}</th>
            {levels.map((level) => (
              <th key={level} scope="col" className="cell-number">
                {levelName(level, analysis.targets)}
              </th>
            ))}
            <th scope="col" className="cell-number">
              Proficient
            </th>
            <th scope="col" className="cell-number">
              Absent
            </th>
            <th scope="col" className="cell-number">
              Exempt
            </th>
            <th scope="col" className="cell-number">
              Not entered
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const tally = group.targets[index];
            return (
              <tr key={group.id ?? "none"}>
                <th scope="row">{group.name}</th>
                <td>{group.related.join(", ") || "—"}</td>
                {levels.map((level) => (
                  <td key={level} className="cell-number">
                    {tally ? countAt(tally.levels, level) : 0}
                  </td>
                ))}
                <td className="cell-number">
                  {tally ? `${tally.proficient} of ${tally.assessed} (${formatPercent(tally.proficientPercent)})` : "—"}
                </td>
                <td className="cell-number">{group.absent}</td>
                <td className="cell-number">{group.exempt}</td>
                <td className="cell-number">{group.notEntered}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
