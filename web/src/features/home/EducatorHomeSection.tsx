import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CYCLE_STAGE_LABELS } from "../../../../contract/cycle-work";
import type { EducatorHome } from "../../../../contract/home";
import { formatDateTime, formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { StatusBadge } from "../goals/GoalBits";
import styles from "./HomePage.module.css";
import { HomeSection } from "./HomeSection";
import { educatorHomeQuery } from "./home.api";
import { SupportedTeachersTable } from "./SupportedTeachersTable";
import { TeamSignalsTable } from "./TeamSignalsTable";

const students = (n: number) => (n === 1 ? "1 student" : `${n} students`);

function Meetings({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-meetings"
      title="Next meetings"
      empty="No meetings coming up in your teams."
      isEmpty={home.meetings.length === 0}
    >
      <ul className={styles.list}>
        {home.meetings.map((meeting) => (
          <li key={meeting.id} className={styles.row}>
            <span>
              <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
                {meeting.title}
              </Link>{" "}
              <span className={styles.meta}>
                {meeting.communityName}, {formatDateTime(meeting.startsAt)}
              </span>
            </span>
            {meeting.canStart ? (
              <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }} className="button">
                {meeting.status === "in_progress" ? "Join" : "Start"}
                <span className="visually-hidden"> {meeting.title}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function ActionItems({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-action-items"
      title="My open action items"
      count={home.actionItems.length}
      empty="You have no open action items."
      isEmpty={home.actionItems.length === 0}
    >
      <ul className={styles.list}>
        {home.actionItems.map((item) => (
          <li key={item.id} className={styles.row}>
            <span>
              {item.meetingId ? (
                <Link to="/meetings/$meetingId" params={{ meetingId: item.meetingId }}>
                  {item.title}
                </Link>
              ) : (
                <Link to="/communities/$communityId" params={{ communityId: item.community.id }}>
                  {item.title}
                </Link>
              )}{" "}
              <span className={styles.meta}>{item.community.name}</span>
            </span>
            <span className={item.isOverdue ? styles.overdue : styles.meta}>
              {item.isOverdue ? "Overdue: " : ""}
              {item.dueOn ? `due ${formatDay(item.dueOn)}` : "no due date"}
            </span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function ResultsToEnter({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-results"
      title="Results to enter"
      count={home.resultsToEnter.length}
      empty="Every open assessment has results for all your students."
      isEmpty={home.resultsToEnter.length === 0}
    >
      <ul className={styles.list}>
        {home.resultsToEnter.map((row) => (
          <li key={row.assessment.id} className={styles.row}>
            <span>
              <Link to="/assessments/$assessmentId/results" params={{ assessmentId: row.assessment.id }}>
                {row.assessment.title}
              </Link>{" "}
              <span className={styles.meta}>{row.community.name}</span>
            </span>
            <span>{students(row.studentsMissing)} without results</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function StudentsToRespondTo({ home }: { home: EducatorHome }) {
  const waitingStudents = new Set(home.waitingStudents.map((row) => row.student.id)).size;
  const isEmpty = home.waitingStudents.length === 0 && home.flaggedPlans.length === 0;
  return (
    <HomeSection
      id="home-students"
      title="Students waiting for a response"
      count={waitingStudents + home.flaggedPlans.length}
      empty="No student of your classes is waiting for a response or flagged by a decision rule."
      isEmpty={isEmpty}
    >
      {home.waitingStudents.length > 0 ? (
        <>
          <p className={styles.meta}>
            {students(waitingStudents)} below proficient with no intervention yet, after the team's response days.
          </p>
          <ul className={styles.list}>
            {home.waitingStudents.map((row) => (
              <li key={`${row.student.id}-${row.assessment.id}`} className={styles.row}>
                <Link to="/students/$studentId" params={{ studentId: row.student.id }}>
                  {row.student.name}
                </Link>
                <span className={styles.meta}>
                  <Link to="/communities/$communityId/review" params={{ communityId: row.community.id }}>
                    {row.assessment.title}
                  </Link>
                  , given {formatDay(row.givenOn)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {home.flaggedPlans.length > 0 ? (
        <ul className={styles.list} aria-label="Flagged by a decision rule">
          {home.flaggedPlans.map((plan) => (
            <li key={plan.planId} className={styles.row}>
              <Link to="/interventions/plans/$planId" params={{ planId: plan.planId }}>
                {plan.student.name}
              </Link>
              <span className={styles.flag}>
                {plan.flag === "adjust" ? "Decision rule: adjust the plan" : "Decision rule: consider exit"}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </HomeSection>
  );
}

function ScoresDue({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-scores"
      title="Plans with a score due"
      count={home.scoresDue.length}
      empty="No plan you deliver needs a score this week."
      isEmpty={home.scoresDue.length === 0}
    >
      <ul className={styles.list}>
        {home.scoresDue.map((plan) => (
          <li key={plan.planId} className={styles.row}>
            <Link to="/interventions/plans/$planId" params={{ planId: plan.planId }}>
              {plan.student.name}: {plan.focus}
            </Link>
            <span className={styles.meta}>
              {plan.lastScoredOn ? `last score ${formatDay(plan.lastScoredOn)}` : "no score yet"}
            </span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function FamilyNotes({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-family-notes"
      title="Unread family notes"
      count={home.familyNotes.length}
      empty="No unread notes from your students' families."
      isEmpty={home.familyNotes.length === 0}
    >
      <ul className={styles.list}>
        {home.familyNotes.map((note) => (
          <li key={note.id} className={styles.row}>
            {note.planId ? (
              <Link to="/interventions/plans/$planId" params={{ planId: note.planId }}>
                From {note.student.name}'s family
              </Link>
            ) : (
              <Link to="/students/$studentId" params={{ studentId: note.student.id }}>
                From {note.student.name}'s family
              </Link>
            )}
            <span className={styles.meta}>{formatDateTime(note.createdAt)}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/family-notes">All notes from families, to read and answer</Link>
      </p>
    </HomeSection>
  );
}

function CyclesAndGoals({ home }: { home: EducatorHome }) {
  return (
    <HomeSection
      id="home-cycles"
      title="My cycles and goals"
      empty="No active cycle in your teams and no goals yet."
      isEmpty={home.cycles.length === 0 && home.goals.length === 0}
    >
      <ul className={styles.list}>
        {home.cycles.map((cycle) => (
          <li key={cycle.id} className={styles.row}>
            <Link
              to="/communities/$communityId/cycles/$cycleId"
              params={{ communityId: cycle.community.id, cycleId: cycle.id }}
            >
              {cycle.title}
            </Link>
            <span className={cycle.isStalled ? styles.overdue : styles.meta}>
              {CYCLE_STAGE_LABELS[cycle.stage]}
              {cycle.stageDueOn ? `, due ${formatDay(cycle.stageDueOn)}` : ""}
              {cycle.isStalled ? " (stalled)" : ""}
            </span>
          </li>
        ))}
        {home.goals.map((goal) => (
          <li key={goal.id} className={styles.row}>
            <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
              {goal.title}
            </Link>
            <StatusBadge status={goal.status} />
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

/** The educator's home: today and this week, across their teams and classes; then the teams they work with. */
export function EducatorHomeSection() {
  const query = useQuery(educatorHomeQuery);
  return (
    <section aria-labelledby="home-educator">
      <h2 id="home-educator">Today and this week</h2>
      <QueryResult query={query} loadingLabel="Loading your day…">
        {(home) => (
          <>
            <div className={styles.grid}>
              <Meetings home={home} />
              <ActionItems home={home} />
              <ResultsToEnter home={home} />
              <StudentsToRespondTo home={home} />
              <ScoresDue home={home} />
              <FamilyNotes home={home} />
              <CyclesAndGoals home={home} />
            </div>
            {home.teams.length > 0 ? (
              <section aria-labelledby="home-my-teams" className={styles.teams}>
                <h3 id="home-my-teams">My teams</h3>
                <TeamSignalsTable teams={home.teams} caption="My teams at a glance" />
              </section>
            ) : null}
            {home.teachers.length > 0 ? (
              <section aria-labelledby="home-my-teachers" className={styles.teams}>
                <h3 id="home-my-teachers">Teachers I support</h3>
                <SupportedTeachersTable teachers={home.teachers} />
              </section>
            ) : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
