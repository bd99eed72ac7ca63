import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { gradeLabel } from "../../../../contract/standards";
import type { StudentProfile } from "../../../../contract/students";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { FamilyNotesSection } from "../family-voice/FamilyNotesSection";
import { interventionHistoryUrl } from "../intervention-reports/intervention-reports.api";
import { StudentPlansSection } from "../interventions/StudentPlansSection";
import { NotFoundPage } from "../shell/NotFoundPage";
import styles from "./StudentPage.module.css";
import { studentQuery } from "./students.api";
import { TargetHistory } from "./TargetHistory";

const route = getRouteApi("/signed-in/students/$studentId");

/** A student's page: who they are in school, and every learning target over time. */
export function StudentPage() {
  const { studentId } = route.useParams();
  const student = useQuery(studentQuery(studentId));
  // The server answers 404 to anyone who may not see the student, so it reads as a missing page.
  if (student.error instanceof ApiError && student.error.status === 404) return <NotFoundPage />;
  return (
    <QueryResult query={student} loadingLabel="Loading the student…" header={<PageHeader title="Student" />}>
      {(data) => <StudentView student={data} />}
    </QueryResult>
  );
}

function StudentView({ student }: { student: StudentProfile }) {
  const facts = [
    student.grade ? `Grade ${gradeLabel(student.grade)}` : null,
    student.school?.name ?? null,
    student.identifier ? `Student number ${student.identifier}` : null,
  ].filter(Boolean);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/students">← Students</Link>
      </p>
      <PageHeader
        title={student.name}
        description={facts.join(" · ")}
        actions={
          <a className="button button-secondary" href={interventionHistoryUrl(student.id)} download>
            Print history (PDF)
          </a>
        }
      />
      <section className="panel" aria-labelledby="student-classes">
        <h2 id="student-classes">Classes</h2>
        {student.classes.length === 0 ? (
          <p className="muted">Not enrolled in any class.</p>
        ) : (
          <ul className="link-list">
            {student.classes.map((item) => (
              <li key={item.id}>
                {item.title}
                <span className="muted">
                  {" "}
                  · {item.teachers.map((teacher) => teacher.name).join(", ") || "No teacher"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <StudentPlansSection studentId={student.id} />
      <section className="analysis-section" aria-labelledby="student-targets">
        <h2 id="student-targets">Learning targets over time</h2>
        {student.targets.length === 0 ? (
          <EmptyState title="No results yet" headingLevel={3}>
            <p>Results from common formative assessments appear here, target by target.</p>
          </EmptyState>
        ) : (
          <div className={styles.targetHistory}>
            {student.targets.map((history) => (
              <TargetHistory key={history.targetId} history={history} />
            ))}
          </div>
        )}
      </section>
      {student.missed.length > 0 ? (
        <section className="panel" aria-labelledby="student-missed">
          <h2 id="student-missed">Absent or exempt</h2>
          <ul className="link-list">
            {student.missed.map((missed) => (
              <li key={missed.assessmentId}>
                {missed.assessmentTitle} ({formatDay(missed.date)}): {missed.status === "absent" ? "absent" : "exempt"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FamilyNotesSection studentId={student.id} />
    </>
  );
}
