import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Cycle, CycleResults, GroupGain } from "../../../../contract/cycles";
import { QueryResult } from "../../components/QueryResult";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";
import { levelColor } from "../analysis/levels";
import { formatShare } from "./cycle-format";
import { cycleResultsQuery } from "./cycles.api";

const targetName = (t: { code: string | null; statement: string }) => t.code ?? t.statement;

/** The cycle's evidence for one part of the page, loaded once and shared (one audited read per visit). */
function WithResults({ cycle, children }: { cycle: Cycle; children: (results: CycleResults) => ReactNode }) {
  const results = useQuery(cycleResultsQuery(cycle.id));
  return (
    <QueryResult query={results} loadingLabel="Loading the cycle's results…">
      {children}
    </QueryResult>
  );
}

/** The pinned baseline: students per level on each target when the cycle started, as a chart and a table. */
export function SnapshotSummary({ cycle }: { cycle: Cycle }) {
  return (
    <WithResults cycle={cycle}>
      {(results) => {
        if (results.snapshot.length === 0)
          return <p>The baseline assessments had no results when the cycle started.</p>;
        const levels = [...new Set(results.snapshot.flatMap((t) => t.levels.map((l) => l.level)))].sort(
          (a, b) => a - b,
        );
        const data = results.snapshot.map((t) => ({
          name: targetName(t),
          ...Object.fromEntries(
            levels.map((level) => [`L${level}`, t.levels.find((l) => l.level === level)?.count ?? 0]),
          ),
        }));
        return (
          <ChartFigure
            title="Baseline by target"
            summary={`The baseline pins ${results.snapshot.map((t) => `${t.students} students on ${targetName(t)}`).join(", ")}.`}
            chart={
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={data} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {levels.map((level) => (
                    <Bar
                      key={level}
                      dataKey={`L${level}`}
                      name={`Level ${level}`}
                      stackId="levels"
                      fill={levelColor(level - 1)}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            }
            table={
              <TableFrame label="Baseline by target">
                <table className="data-table">
                  <caption>Students at each level when the cycle started</caption>
                  <thead>
                    <tr>
                      <th scope="col">Target</th>
                      {levels.map((level) => (
                        <th key={level} scope="col">
                          Level {level}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {results.snapshot.map((t) => (
                      <tr key={t.targetId}>
                        <th scope="row">{targetName(t)}</th>
                        {levels.map((level) => (
                          <td key={level}>{t.levels.find((l) => l.level === level)?.count ?? 0}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableFrame>
            }
          />
        );
      }}
    </WithResults>
  );
}

function GainRows({
  rows,
}: {
  rows: (GroupGain | (CycleResults["byTarget"][number] & { id?: string; name?: string }))[];
}) {
  return (
    <>
      {rows.map((row) => {
        const name = "targetId" in row ? targetName(row) : row.name;
        return (
          <tr key={"targetId" in row ? row.targetId : row.id}>
            <th scope="row">{name}</th>
            <td>{row.matched}</td>
            <td>{row.up}</td>
            <td>{row.same}</td>
            <td>{row.down}</td>
            <td>{formatShare(row.upPercent)}</td>
          </tr>
        );
      })}
    </>
  );
}

function GainTable({
  caption,
  group,
  rows,
}: {
  caption: string;
  group: string;
  rows: Parameters<typeof GainRows>[0]["rows"];
}) {
  return (
    <TableFrame label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{group}</th>
            <th scope="col">Matched students</th>
            <th scope="col">Moved up</th>
            <th scope="col">Stayed</th>
            <th scope="col">Moved down</th>
            <th scope="col">Share up a level or more</th>
          </tr>
        </thead>
        <tbody>
          <GainRows rows={rows} />
        </tbody>
      </table>
    </TableFrame>
  );
}

/** Stage 6: later results on the same targets against the snapshot, as they arrive, matched by student. */
export function Monitoring({ cycle }: { cycle: Cycle }) {
  return (
    <WithResults cycle={cycle}>
      {(results) =>
        results.overall.matched === 0 ? (
          <p>No later results on these targets yet. Add a follow-up assessment, or give one of the team's on them.</p>
        ) : (
          <GainTable caption="Since the baseline, by target" group="Target" rows={results.byTarget} />
        )
      }
    </WithResults>
  );
}

/** Stage 7: pre/post by target, class and teacher, with a chart, and the cycle's goals. */
export function Evaluation({ cycle }: { cycle: Cycle }) {
  return (
    <WithResults cycle={cycle}>
      {(results) => (
        <>
          {results.overall.matched === 0 ? (
            <p>No student has both a baseline and a later result yet.</p>
          ) : (
            <>
              <ChartFigure
                title="Share who moved up at least one level"
                summary={`Of ${results.overall.matched} matched results, ${formatShare(results.overall.upPercent)} moved up at least one level.`}
                chart={
                  <ResponsiveContainer width="100%" height={220}>
                    <BarChart
                      data={results.byTarget.map((t) => ({ name: targetName(t), up: t.upPercent ?? 0 }))}
                      accessibilityLayer={false}
                    >
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="name" />
                      <YAxis domain={[0, 100]} unit="%" />
                      <Tooltip />
                      <Bar dataKey="up" name="Moved up" fill={levelColor(3)} isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                }
                table={<GainTable caption="Pre/post by target" group="Target" rows={results.byTarget} />}
              />
              <GainTable caption="Pre/post by class" group="Class" rows={results.byClass} />
              <GainTable caption="Pre/post by teacher" group="Teacher" rows={results.byTeacher} />
            </>
          )}
          <h3>Cycle goals</h3>
          {results.goals.length === 0 ? (
            <p>No goals were set within this cycle.</p>
          ) : (
            <ul>
              {results.goals.map((goal) => (
                <li key={goal.id}>
                  {goal.title}: target {goal.target}
                  {goal.unit === "percent" ? "%" : ` ${goal.unit}`}
                  {goal.current === null
                    ? ""
                    : `, now ${goal.current}${goal.unit === "percent" ? "%" : ` ${goal.unit}`}${goal.current >= goal.target ? " (reached)" : ""}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </WithResults>
  );
}
