import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TargetRollup } from "../../../../contract/analysis";
import { SelectField, TextField } from "../../components/Field";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { schoolChoicesQuery } from "../schools/schools.api";
import { targetRollupQuery } from "./analysis.api";
import { TableFrame } from "./ChartFigure";
import { countAt, formatPercent, levelsOf } from "./levels";
import { TargetLabel } from "./TargetLabel";

/**
 * For leaders: proficiency on each learning target across every assessment, district-wide or by school.
 * Counting every result of a district takes a moment, so it runs only when asked for.
 */
export function TargetRollupSection() {
  const me = useMe();
  const isDistrictWide = me.can.rollUpDistrict;
  const [isOpen, setIsOpen] = useState(false);
  const [schoolId, setSchoolId] = useState("");
  const schools = useQuery({ ...schoolChoicesQuery, enabled: isOpen && isDistrictWide });
  const choices = isDistrictWide
    ? (schools.data ?? []).map((school) => ({ id: school.id, name: school.name }))
    : me.rollupSchools;
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const rollup = useQuery({
    ...targetRollupQuery(schoolId || undefined, from || undefined, to || undefined),
    enabled: isOpen,
  });
  return (
    <section className="analysis-section" aria-labelledby="rollup-title">
      <h2 id="rollup-title">Proficiency by learning target</h2>
      <p className="field-hint">
        Counts students, not results: each student once per learning target, at their latest result on it in the period
        you choose.
      </p>
      {!isOpen ? (
        <button type="button" className="button button-secondary" onClick={() => setIsOpen(true)}>
          Show proficiency by target
        </button>
      ) : (
        <>
          <SelectField label="School" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
            <option value="">{isDistrictWide ? "The whole district" : "All my schools"}</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </SelectField>
          <TextField label="Results from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          <TextField label="Results to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          <QueryResult query={rollup} loadingLabel="Counting results…">
            {(data) => <RollupTable rollup={data} />}
          </QueryResult>
        </>
      )}
    </section>
  );
}

/** The period in words: "all results", "results from 1 Sept 2025", "results from … to …". */
function periodWords({ from, to }: TargetRollup["period"]): string {
  if (from && to) return `results taken from ${from} to ${to}`;
  if (from) return `results taken on or after ${from}`;
  if (to) return `results taken on or before ${to}`;
  return "results of every date";
}

function RollupTable({ rollup }: { rollup: TargetRollup }) {
  if (rollup.items.length === 0) return <p className="muted">No results in this period.</p>;
  const levels = levelsOf(rollup.items);
  return (
    <>
      <p className="rollup-counts">
        Students, each counted once per target at their latest result; {periodWords(rollup.period)}. “Assessments” is
        how many assessments those latest results come from. A result scored on only some of a target's items counts
        here at the level its points reach (a team's analysis shows it apart as partly scored).
      </p>
      <TableFrame label="Proficiency by learning target">
        <table className="data-table">
          <caption className="visually-hidden">Results at each level on each learning target</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col" className="cell-number">
                Assessments
              </th>
              {levels.map((level) => (
                <th key={level} scope="col" className="cell-number">
                  Level {level}
                </th>
              ))}
              <th scope="col" className="cell-number">
                Students proficient
              </th>
            </tr>
          </thead>
          <tbody>
            {rollup.items.map((row) => (
              <tr key={row.targetId}>
                <th scope="row">
                  <TargetLabel target={row} />
                </th>
                <td className="cell-number">{row.assessments}</td>
                {levels.map((level) => (
                  <td key={level} className="cell-number">
                    {countAt(row.levels, level)}
                  </td>
                ))}
                <td className="cell-number">
                  {row.proficient} of {row.assessed} ({formatPercent(row.proficientPercent)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
