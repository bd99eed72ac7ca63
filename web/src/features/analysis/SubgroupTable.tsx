import type { AssessmentAnalysis, SubgroupTally } from "../../../../contract/analysis";
import { TableFrame } from "./ChartFigure";
import { formatPercent, targetName } from "./levels";
import styles from "./SubgroupTable.module.css";

const DIMENSION_LABELS = { sex: "Sex", race: "Race", ethnicity: "Ethnicity" } as const;

function cellText(cell: SubgroupTally | undefined): string {
  if (!cell) return "—";
  if (cell.suppressed) return cell.reason === "fewer_than_10" ? "fewer than 10" : "hidden to protect a small group";
  return `${formatPercent(cell.proficientPercent)} (${cell.proficient} of ${cell.assessed})`;
}

/** Proficiency by subgroup from the roster's demographics; small groups are never shown in numbers. */
export function SubgroupTable({ analysis }: { analysis: AssessmentAnalysis }) {
  if (analysis.subgroups.length === 0) {
    return <p className="muted">The roster has no demographics for these students.</p>;
  }
  return (
    <>
      <p className="field-hint">
        To protect students' privacy, a group of fewer than 10 students shows no numbers, and neither does a group whose
        numbers would let a small group's size, or how many of its students are at a level, be worked out from the
        totals.
      </p>
      <TableFrame label="Proficiency by subgroup">
        <table className="data-table">
          <caption className="visually-hidden">Share of each subgroup at or above proficient, by target</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {analysis.targets.map((target) => (
                <th key={target.targetId} scope="col">
                  {targetName(target)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.subgroups.map((group) => (
              <tr key={`${group.dimension}-${group.key}`}>
                <th scope="row">
                  {group.label} <span className="muted">· {DIMENSION_LABELS[group.dimension]}</span>
                </th>
                {group.targets.map((cell) => (
                  <td key={cell.targetId} className={cell.suppressed ? styles.suppressed : undefined}>
                    {cellText(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
