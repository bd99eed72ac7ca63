import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { AssessmentAnalysis } from "../../../../contract/analysis";
import { SelectField } from "../../components/Field";
import { Pager } from "../../components/Pager";
import { TableFrame } from "./ChartFigure";
import { targetName } from "./levels";
import styles from "./StudentLevelsTable.module.css";

const PAGE_SIZE = 50;
const STATUS_LABELS = { completed: "", absent: "Absent", exempt: "Exempt", not_entered: "Not entered" } as const;

/** Each student's level on every target, a class at a time if one likes; below-proficient levels are marked. */
export function StudentLevelsTable({ analysis }: { analysis: AssessmentAnalysis }) {
  const [classId, setClassId] = useState("");
  const [page, setPage] = useState(1);
  // Each target's studentLevels follows the order of analysis.students, so rows keep their index.
  const rows = analysis.students.map((student, index) => ({ student, index }));
  const students = classId ? rows.filter(({ student }) => (student.classId ?? "none") === classId) : rows;
  const shown = students.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      {analysis.classes.length > 1 ? (
        <SelectField
          label="Class"
          value={classId}
          onChange={(event) => {
            setClassId(event.target.value);
            setPage(1);
          }}
        >
          <option value="">All classes</option>
          {analysis.classes.map((group) => (
            <option key={group.id ?? "none"} value={group.id ?? "none"}>
              {group.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TableFrame label="Levels by student">
        <table className="data-table">
          <caption className="visually-hidden">Each student's level on each target</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              {analysis.targets.map((target) => (
                <th key={target.targetId} scope="col" className="cell-number">
                  {targetName(target)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ student, index: row }) => (
              <tr key={student.id}>
                <th scope="row">
                  <Link to="/students/$studentId" params={{ studentId: student.id }}>
                    {student.name}
                  </Link>
                  {student.status !== "completed" ? (
                    <span className={`badge ${styles.status}`}>{STATUS_LABELS[student.status]}</span>
                  ) : null}
                </th>
                {analysis.targets.map((target) => {
                  const level = target.studentLevels[row] ?? null;
                  const isPartial = target.partlyScored.includes(student.id);
                  const isBelow = level !== null && !isPartial && level < target.proficientLevel;
                  return (
                    <td key={target.targetId} className={isBelow ? `cell-number ${styles.below}` : "cell-number"}>
                      {level === null
                        ? "—"
                        : isPartial
                          ? `${level} (partly scored)`
                          : isBelow
                            ? `${level} (below)`
                            : level}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {students.length > PAGE_SIZE ? (
        <Pager label="Student pages" page={page} pageSize={PAGE_SIZE} total={students.length} onPageChange={setPage} />
      ) : null}
    </>
  );
}
