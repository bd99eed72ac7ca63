import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import type { LearningEvaluation, LearningFigures } from "../../../../contract/learning-evaluation";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { PeriodFilters, ReportDownloads } from "../../components/PeriodFilters";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { useMe } from "../auth/me.api";
import { schoolChoicesQuery } from "../schools/schools.api";
import { type EvaluationFilters, evaluationDownloadUrl, learningEvaluationQuery } from "./learning-evaluation.api";

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : "—");

/** For school and district leaders: the five levels of professional learning, by team, with a board-ready PDF. */
export function LearningEvaluationPage() {
  const me = useMe();
  const mayRead = me.can.readLearningEvaluation;
  const [filters, setFilters] = useState<EvaluationFilters>(() =>
    me.can.readDistrictHome ? {} : { schoolId: me.homeSchools[0]?.id },
  );
  const evaluation = useQuery({
    ...learningEvaluationQuery(filters),
    enabled: mayRead,
    placeholderData: keepPreviousData,
  });
  if (!mayRead) {
    return (
      <>
        <PageHeader title="Evaluation of professional learning" />
        <p>The evaluation of professional learning is for school and district leaders.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Evaluation of professional learning"
        description="Participation, learning, support, implementation and student outcomes: the five levels, by team."
        actions={
          <ReportDownloads
            links={[
              { label: "Board report (PDF)", href: evaluationDownloadUrl(filters, "pdf"), primary: true },
              { label: "Download CSV", href: evaluationDownloadUrl(filters, "csv") },
              { label: "Download Excel", href: evaluationDownloadUrl(filters, "xlsx") },
            ]}
          />
        }
      />
      {evaluation.data ? <FiltersForm evaluation={evaluation.data} onApply={setFilters} /> : null}
      <QueryResult query={evaluation} loadingLabel="Counting the period's work…">
        {(data) => <EvaluationView evaluation={data} />}
      </QueryResult>
    </>
  );
}

function FiltersForm({
  evaluation,
  onApply,
}: {
  evaluation: LearningEvaluation;
  onApply: (filters: EvaluationFilters) => void;
}) {
  const me = useMe();
  const schools = useQuery({ ...schoolChoicesQuery, enabled: me.can.readDistrictHome });
  const choices = me.can.readDistrictHome ? (schools.data ?? []) : me.homeSchools;
  const { scope } = evaluation;
  return (
    <PeriodFilters
      label="Evaluation filters"
      submitLabel="Show evaluation"
      schools={choices.length > 1 || me.can.readDistrictHome ? choices : []}
      allSchoolsLabel={me.can.readDistrictHome ? "The whole district" : undefined}
      initial={{ schoolId: scope.kind === "school" ? scope.id : "", from: scope.from, to: scope.to }}
      onApply={onApply}
    />
  );
}

/** A figure of a team that leads to the records it counts. */
function TeamLink({ to, teamId, children }: { to: TeamPage; teamId: string | null; children: ReactNode }) {
  if (!teamId) return <>{children}</>;
  return (
    <Link to={to} params={{ communityId: teamId }}>
      {children}
    </Link>
  );
}

type TeamPage = "/communities/$communityId/meetings" | "/communities/$communityId/cycles";

/** A team's goals figure, leading to the team's goals (every team's goals from the "All teams" row). */
function GoalsLink({ teamId, children }: { teamId: string | null; children: ReactNode }) {
  return (
    <Link to="/goals" search={teamId ? { communityId: teamId } : {}}>
      {children}
    </Link>
  );
}

const meetingsOf = (teamId: string | null, value: ReactNode) => (
  <TeamLink to="/communities/$communityId/meetings" teamId={teamId}>
    {value}
  </TeamLink>
);
const cyclesOf = (teamId: string | null, value: ReactNode) => (
  <TeamLink to="/communities/$communityId/cycles" teamId={teamId}>
    {value}
  </TeamLink>
);

type Column = { header: string; cell: (figures: LearningFigures, teamId: string | null) => ReactNode };

const LEVELS: { id: string; title: string; hint: string; columns: Column[] }[] = [
  {
    id: "participation",
    title: "1. Participation and reactions",
    hint: "Team meetings in the period: scheduled and held, attendance at the meetings held, minutes of collaborative learning (each meeting's length times the members present), and the feedback members gave on them.",
    columns: [
      { header: "Educators", cell: (f) => f.educators },
      {
        header: "Meetings held of scheduled",
        cell: (f, teamId) => (
          <TeamLink to="/communities/$communityId/meetings" teamId={teamId}>
            {f.meetingsHeld} of {f.meetingsScheduled}
          </TeamLink>
        ),
      },
      { header: "Attendance", cell: (f, t) => meetingsOf(t, percent(f.attendancePresent, f.attendanceMarked)) },
      { header: "Collaborative minutes", cell: (f, t) => meetingsOf(t, f.collaborativeMinutes) },
      { header: "Minutes per educator per week", cell: (f) => f.minutesPerEducatorPerWeek ?? "—" },
      {
        header: "Meeting feedback",
        cell: (f, t) =>
          meetingsOf(
            t,
            f.feedbackRounds === 0 ? "Not asked" : `${f.feedbackRespondents} answers on ${f.feedbackRounds} meetings`,
          ),
      },
    ],
  },
  {
    id: "learning",
    title: "2. Learning",
    hint: "What members logged in their improvement cycles' learning logs.",
    columns: [
      {
        header: "Entries",
        cell: (f, teamId) => (
          <TeamLink to="/communities/$communityId/cycles" teamId={teamId}>
            {f.learningEntries}
          </TeamLink>
        ),
      },
      { header: "Minutes", cell: (f, t) => cyclesOf(t, f.learningMinutes) },
      { header: "Educators learning", cell: (f, t) => cyclesOf(t, f.learners) },
    ],
  },
  {
    id: "support",
    title: "3. Organisational support",
    hint: "Classroom visits held by each team, and coaching logged in its cycles.",
    columns: [
      { header: "Classroom visits held", cell: (f) => <Link to="/visits">{f.visitsCompleted}</Link> },
      { header: "Coaching entries", cell: (f, t) => cyclesOf(t, f.coachingEntries) },
    ],
  },
  {
    id: "implementation",
    title: "4. Implementation",
    hint: "Strategies applied in classrooms, as members logged them.",
    columns: [
      {
        header: "Applications logged",
        cell: (f, teamId) => (
          <TeamLink to="/communities/$communityId/cycles" teamId={teamId}>
            {f.implementations}
          </TeamLink>
        ),
      },
      { header: "Went well", cell: (f, t) => cyclesOf(t, f.implementationsWentWell) },
      { header: "Strategies applied", cell: (f, t) => cyclesOf(t, f.strategiesApplied) },
    ],
  },
  {
    id: "outcomes",
    title: "5. Student outcomes",
    hint: "Improvement cycles completed in the period, their students' targets that moved up a level from the cycle's baseline to its latest result, and the teams' goals due in the period that were met.",
    columns: [
      {
        header: "Cycles completed",
        cell: (f, teamId) => (
          <TeamLink to="/communities/$communityId/cycles" teamId={teamId}>
            {f.cyclesCompleted}
          </TeamLink>
        ),
      },
      {
        header: "Students' targets moved up",
        cell: (f, t) =>
          cyclesOf(
            t,
            `${f.studentTargetsUp} of ${f.studentTargetsMatched} (${percent(f.studentTargetsUp, f.studentTargetsMatched)})`,
          ),
      },
      {
        header: "Goals met of due",
        cell: (f, t) => <GoalsLink teamId={t}>{`${f.goalsMet} of ${f.goalsDue}`}</GoalsLink>,
      },
    ],
  },
];

function EvaluationView({ evaluation }: { evaluation: LearningEvaluation }) {
  const { scope, teams, totals } = evaluation;
  if (teams.length === 0) return <p>No team works at {scope.label} yet: there is nothing to evaluate.</p>;
  return (
    <>
      <p>
        {scope.label}, {formatDay(scope.from)} to {formatDay(scope.to)} ({scope.weeks} weeks).
      </p>
      {LEVELS.map((level) => (
        <section key={level.id} className="analysis-section" aria-labelledby={`level-${level.id}`}>
          <h2 id={`level-${level.id}`}>{level.title}</h2>
          <p className="field-hint">{level.hint}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens */}
          <section className="table-scroll" aria-label={`${level.title}, by team`} tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{level.title}, by team</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  {level.columns.map((column) => (
                    <th key={column.header} scope="col">
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {teams.map((team) => (
                  <tr key={team.community.id}>
                    <th scope="row">
                      <Link to="/communities/$communityId" params={{ communityId: team.community.id }}>
                        {team.community.name}
                      </Link>
                    </th>
                    {level.columns.map((column) => (
                      <td key={column.header}>{column.cell(team, team.community.id)}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">All teams</th>
                  {level.columns.map((column) => (
                    <td key={column.header}>{column.cell(totals, null)}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
          {level.id === "participation" ? <ReactionsTable reactions={evaluation.reactions} /> : null}
        </section>
      ))}
    </>
  );
}

/** How participants judged their meetings, all teams together; nothing below the suppression threshold. */
function ReactionsTable({ reactions }: { reactions: LearningEvaluation["reactions"] }) {
  if (reactions.suppressed) {
    return (
      <p>
        Reactions: {reactions.respondents} answers to meeting feedback so far. Nothing is shown until{" "}
        {reactions.threshold} have answered, so no one's answers stand out.
      </p>
    );
  }
  return (
    <TableScroll label="Reactions to meetings, all teams">
      <table className="data-table">
        <caption>Reactions to meetings, all teams together ({reactions.respondents} answers)</caption>
        <thead>
          <tr>
            <th scope="col">Statement</th>
            <th scope="col">Agree or strongly agree</th>
            <th scope="col">Mean level (1 to 4)</th>
          </tr>
        </thead>
        <tbody>
          {reactions.items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.prompt}</th>
              <td>
                {item.agree} of {item.answers} ({percent(item.agree, item.answers)})
              </td>
              <td>{item.mean ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
