import { Link } from "@tanstack/react-router";
import type { AnalysisStudent, AssessmentAnalysis } from "../../../../contract/analysis";
import analysisStyles from "./analysis.module.css";
import styles from "./StudentLists.module.css";
import { TargetLabel } from "./TargetLabel";

/** Long lists start folded, so the page stays readable for a whole grade level. */
const OPEN_UP_TO = 30;

/** Per target, who needs more time (below proficient) and who is ready for extension (at the top level). */
export function StudentLists({ analysis }: { analysis: AssessmentAnalysis }) {
  const order = new Map(analysis.students.map((student, index) => [student.id, index]));
  const studentsOf = (ids: readonly string[]) =>
    [...ids]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((id) => analysis.students[order.get(id) ?? -1])
      .filter((student): student is AnalysisStudent => student !== undefined);
  // Neither absent nor exempt, with no result on the target: someone has still to enter it.
  const notEnteredOn = (levels: readonly (number | null)[]) =>
    analysis.students.filter(
      (student, index) =>
        (levels[index] ?? null) === null && (student.status === "completed" || student.status === "not_entered"),
    );
  return (
    <div className={analysisStyles.grid}>
      {analysis.targets.map((target) => (
        <section key={target.targetId} className="panel" aria-labelledby={`lists-${target.targetId}`}>
          <h3 id={`lists-${target.targetId}`}>
            <TargetLabel target={target} />
          </h3>
          <NameList title="Not entered (no result on this target yet)" students={notEnteredOn(target.studentLevels)} />
          <NameList title="Needs more time (below proficient)" students={studentsOf(target.belowProficient)} />
          <CreateGroupLink
            analysis={analysis}
            targetId={target.targetId}
            kind="intervention"
            ids={target.belowProficient}
          />
          {target.topLevel > target.proficientLevel ? (
            <>
              <NameList
                title={`Ready for extension (level ${target.topLevel}, above proficient)`}
                students={studentsOf(target.atTopLevel)}
              />
              <CreateGroupLink
                analysis={analysis}
                targetId={target.targetId}
                kind="extension"
                ids={target.atTopLevel}
              />
            </>
          ) : (
            <p className="muted">
              Ready for extension: not shown. On this target proficient (level {target.proficientLevel}) is the top
              level, so no level above it tells who is ready for more; it would list every proficient student.
            </p>
          )}
          <NameList
            title={
              analysis.assessment.countsPartlyScoredAsNeed
                ? "Partly scored (some items of this target left blank; under needs more time when below, by the team's choice)"
                : "Partly scored (some items of this target left blank; in neither list above)"
            }
            students={studentsOf(target.partlyScored)}
          />
        </section>
      ))}
    </div>
  );
}

/** From data to action in one step: a group for these students on this target, prefilled. */
function CreateGroupLink(props: {
  analysis: AssessmentAnalysis;
  targetId: string;
  kind: "intervention" | "extension";
  ids: readonly string[];
}) {
  const { communityId, id: assessmentId } = props.analysis.assessment;
  if (!communityId || props.ids.length === 0) return null;
  return (
    <p>
      <Link
        className="button button-secondary button-small"
        to="/communities/$communityId/interventions/new"
        params={{ communityId }}
        search={{ kind: props.kind, assessmentId, targetId: props.targetId, studentIds: [...props.ids] }}
      >
        {props.kind === "intervention" ? "Create intervention group" : "Create extension group"}
      </Link>
    </p>
  );
}

function NameList({ title, students }: { title: string; students: AnalysisStudent[] }) {
  return (
    <details className="name-list" open={students.length > 0 && students.length <= OPEN_UP_TO}>
      <summary>
        {title}: {students.length} {students.length === 1 ? "student" : "students"}
      </summary>
      {students.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className={styles.names}>
          {students.map((student) => (
            <li key={student.id}>
              <Link to="/students/$studentId" params={{ studentId: student.id }}>
                {student.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
