import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { AssessmentAnalysis } from "../../../../contract/analysis";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { NotFoundPage } from "../shell/NotFoundPage";
import { analysisDownloadUrl, analysisQuery } from "./analysis.api";
import styles from "./analysis.module.css";
import { GroupComparison } from "./GroupComparison";
import { ItemAnalysis } from "./ItemAnalysis";
import { ProficiencyByTarget } from "./ProficiencyByTarget";
import { StudentLevelsTable } from "./StudentLevelsTable";
import { StudentLists } from "./StudentLists";
import { SubgroupTable } from "./SubgroupTable";

const route = getRouteApi("/signed-in/assessments/$assessmentId/analysis");

/** A team's look at one common formative assessment: by target, by class, by item, by student, by subgroup. */
export function AnalysisPage() {
  const { assessmentId } = route.useParams();
  const analysis = useQuery(analysisQuery(assessmentId));
  if (analysis.error instanceof ApiError && analysis.error.status === 404) return <NotFoundPage />;
  if (analysis.isPending || analysis.isError) {
    return (
      <>
        <PageHeader title="Assessment analysis" />
        {analysis.isPending ? (
          <Loading label="Loading the analysis…" />
        ) : (
          <ErrorNotice error={analysis.error} onRetry={() => analysis.refetch()} />
        )}
      </>
    );
  }
  return <AnalysisView analysis={analysis.data} />;
}

/** The page's sections in order, each reachable from the index at the top. */
const SECTIONS: { id: string; title: string; render: (analysis: AssessmentAnalysis) => ReactNode }[] = [
  { id: "analysis-targets", title: "Did they learn it?", render: (a) => <ProficiencyByTarget analysis={a} /> },
  {
    id: "analysis-groups",
    title: "Classes and teachers side by side",
    render: (a) => <GroupComparison analysis={a} />,
  },
  { id: "analysis-items", title: "Items", render: (a) => <ItemAnalysis analysis={a} /> },
  {
    id: "analysis-lists",
    title: "Who needs more time, who is ready for more",
    render: (a) => <StudentLists analysis={a} />,
  },
  { id: "analysis-students", title: "Each student by target", render: (a) => <StudentLevelsTable analysis={a} /> },
  { id: "analysis-subgroups", title: "Subgroups", render: (a) => <SubgroupTable analysis={a} /> },
];

function AnalysisView({ analysis }: { analysis: AssessmentAnalysis }) {
  const { assessment, sittings } = analysis;
  const given = assessment.givenOn ? `Given ${formatDay(assessment.givenOn)}. ` : "";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/assessments/$assessmentId" params={{ assessmentId: assessment.id }}>
          ← {assessment.title}
        </Link>
      </p>
      <PageHeader
        title={`Analysis: ${assessment.title}`}
        description={`${given}${sittings.assessed} students assessed, ${sittings.absent} absent, ${sittings.exempt} exempt, ${sittings.notEntered} not entered (in the assessment's classes with nothing entered yet). Every figure counts students, each once per target on this assessment; absent, exempt and not entered students are not counted in the results.`}
        actions={
          <div className="analysis-downloads">
            <a className="button button-secondary" href={analysisDownloadUrl(assessment.id, "csv")} download>
              Download CSV
            </a>
            <a className="button button-secondary" href={analysisDownloadUrl(assessment.id, "xlsx")} download>
              Download Excel
            </a>
          </div>
        }
      />
      <FigureDefinitions analysis={analysis} />
      {analysis.targets.length === 0 || sittings.assessed === 0 ? (
        <EmptyState title="No results to analyse yet">
          <p>When results are entered for students you can see, the analysis appears here.</p>
        </EmptyState>
      ) : (
        <>
          <nav className={styles.index} aria-label="Sections of the analysis">
            <ol>
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {SECTIONS.map((section) => (
            <section key={section.id} className="analysis-section" aria-labelledby={section.id}>
              <h2 id={section.id}>{section.title}</h2>
              {section.render(analysis)}
            </section>
          ))}
        </>
      )}
    </>
  );
}

/** What every figure on the page counts, in plain words: students or results, which period, partial results. */
function FigureDefinitions({ analysis }: { analysis: AssessmentAnalysis }) {
  const { assessment, sittings } = analysis;
  const partlyScored = new Set(analysis.targets.flatMap((target) => target.partlyScored)).size;
  return (
    <section className="panel" aria-labelledby="analysis-counts">
      <h2 id="analysis-counts">What these figures count</h2>
      <ul>
        <li>
          Students, not results: each student you may see is counted once per target, at their result on this assessment
          only{assessment.givenOn ? ` (given ${formatDay(assessment.givenOn)})` : ""}.
        </li>
        <li>
          Absent and exempt students are counted apart, never as zero. Not entered: {sittings.notEntered} students in
          the assessment's classes with nothing entered yet; a target also counts those with no result on it.
        </li>
        <li>
          Partly scored: {partlyScored} students were scored on only some items of a target. Their level compares part
          of the points with cut scores meant for all of them, so they are listed apart and counted in no level, and
          never as ready for extension.{" "}
          {assessment.countsPartlyScoredAsNeed
            ? "The team chose to count them under needs more time when their level is below proficient."
            : "The team chose not to count them under needs more time."}
        </li>
        <li>
          Needs more time lists students below the proficient level. Ready for extension lists students at the top level
          only when it is above proficient; where proficient is the top level, it lists nobody.
        </li>
      </ul>
    </section>
  );
}
