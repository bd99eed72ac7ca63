import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
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

function Meetings({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-meetings"
      title={t("home.meetings.title")}
      empty={t("home.meetings.empty")}
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
                {meeting.status === "in_progress" ? t("home.meetings.join") : t("home.meetings.start")}
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
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-action-items"
      title={t("home.items.title")}
      count={home.actionItems.length}
      empty={t("home.items.empty")}
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
              {item.isOverdue ? t("home.items.overdue") : ""}
              {item.dueOn ? t("home.items.due", { day: formatDay(item.dueOn) }) : t("home.items.noDueDate")}
            </span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function ResultsToEnter({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-results"
      title={t("home.results.title")}
      count={home.resultsToEnter.length}
      empty={t("home.results.empty")}
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
            <span>{t("home.results.missing", { count: row.studentsMissing })}</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function StudentsToRespondTo({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  const waitingStudents = new Set(home.waitingStudents.map((row) => row.student.id)).size;
  const isEmpty = home.waitingStudents.length === 0 && home.flaggedPlans.length === 0;
  return (
    <HomeSection
      id="home-students"
      title={t("home.waiting.title")}
      count={waitingStudents + home.flaggedPlans.length}
      empty={t("home.waiting.empty")}
      isEmpty={isEmpty}
    >
      {home.waitingStudents.length > 0 ? (
        <>
          <p className={styles.meta}>{t("home.waiting.summary", { count: waitingStudents })}</p>
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
                  {t("home.waiting.given", { day: formatDay(row.givenOn) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {home.flaggedPlans.length > 0 ? (
        <ul className={styles.list} aria-label={t("home.flagged.label")}>
          {home.flaggedPlans.map((plan) => (
            <li key={plan.planId} className={styles.row}>
              <Link to="/interventions/plans/$planId" params={{ planId: plan.planId }}>
                {plan.student.name}
              </Link>
              <span className={styles.flag}>
                {plan.flag === "adjust" ? t("home.flagged.adjust") : t("home.flagged.exit")}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </HomeSection>
  );
}

function ScoresDue({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-scores"
      title={t("home.scores.title")}
      count={home.scoresDue.length}
      empty={t("home.scores.empty")}
      isEmpty={home.scoresDue.length === 0}
    >
      <ul className={styles.list}>
        {home.scoresDue.map((plan) => (
          <li key={plan.planId} className={styles.row}>
            <Link to="/interventions/plans/$planId" params={{ planId: plan.planId }}>
              {plan.student.name}: {plan.focus}
            </Link>
            <span className={styles.meta}>
              {plan.lastScoredOn ? t("home.scores.last", { day: formatDay(plan.lastScoredOn) }) : t("home.scores.none")}
            </span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function FamilyNotes({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-family-notes"
      title={t("home.notes.title")}
      count={home.familyNotes.length}
      empty={t("home.notes.empty")}
      isEmpty={home.familyNotes.length === 0}
      footer={
        <p>
          <Link to="/family-notes">{t("home.notes.all")}</Link>
        </p>
      }
    >
      <ul className={styles.list}>
        {home.familyNotes.map((note) => (
          <li key={note.id} className={styles.row}>
            {note.planId ? (
              <Link to="/interventions/plans/$planId" params={{ planId: note.planId }}>
                {t("home.notes.from", { student: note.student.name })}
              </Link>
            ) : (
              <Link to="/students/$studentId" params={{ studentId: note.student.id }}>
                {t("home.notes.from", { student: note.student.name })}
              </Link>
            )}
            <span className={styles.meta}>{formatDateTime(note.createdAt)}</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function CyclesAndGoals({ home }: { home: EducatorHome }) {
  const { t } = useTranslation();
  return (
    <HomeSection
      id="home-cycles"
      title={t("home.cycles.title")}
      empty={t("home.cycles.empty")}
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
              {cycle.stageDueOn ? t("home.cycles.due", { day: formatDay(cycle.stageDueOn) }) : ""}
              {cycle.isStalled ? t("home.cycles.stalled") : ""}
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
  const { t } = useTranslation();
  const query = useQuery(educatorHomeQuery);
  return (
    <section aria-labelledby="home-educator">
      <h2 id="home-educator">{t("home.today")}</h2>
      <QueryResult query={query} loadingLabel={t("home.loadingDay")}>
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
                <h3 id="home-my-teams">{t("home.myTeams")}</h3>
                <TeamSignalsTable teams={home.teams} caption={t("home.myTeamsCaption")} />
              </section>
            ) : null}
            {home.teachers.length > 0 ? (
              <section aria-labelledby="home-my-teachers" className={styles.teams}>
                <h3 id="home-my-teachers">{t("home.teachersISupport")}</h3>
                <SupportedTeachersTable teachers={home.teachers} />
              </section>
            ) : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
