import type { EducatorHome } from "../../../contract/home";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { listGoals } from "../goals/goals.queries";
import { applyDecisionRule } from "../interventions/progress-rules";
import { listActionItems, listMeetingSummaries } from "../meetings/meetings.queries";
import { latestDateWithSchoolDaysSince, queryNotYetResponded } from "../student-review/not-yet-responded.queries";
import { listMyPlans, listResultsToEnter, listSupportedTeachers, listUnreadFamilyNotes } from "./educator-home.queries";
import { canStartMeeting, isScoreDue } from "./home-rules";
import { goalsByTeam, presentCycles, presentTeamSignals } from "./team-signals";
import { listTeamSignals } from "./team-signals.queries";

const UPCOMING_MEETINGS = 5;
const FAMILY_NOTES = 20;

/**
 * The home of an educator (teacher, support staff, coach): today and this week across their teams and classes.
 * A fixed number of statements however many teams, meetings, items or students (the goals' measures aside,
 * one indexed statement per goal, as on the goals page).
 */
export async function loadEducatorHome(db: Db, actor: Actor, today: string, now: Date): Promise<EducatorHome> {
  const teamIds = Object.keys(actor.memberships);
  const [teamRows, meetings, actionItems, resultsToEnter, plans, familyNotes, goals, teachers] = await Promise.all([
    listTeamSignals(db, actor, { communityIds: teamIds }, today),
    listMeetingSummaries(
      db,
      { communityIds: teamIds, when: "upcoming", statuses: ["scheduled", "in_progress"] },
      { limit: UPCOMING_MEETINGS },
    ),
    listActionItems(db, { ownerId: actor.personId, status: "open" }, today),
    listResultsToEnter(db, actor),
    listMyPlans(db, actor),
    listUnreadFamilyNotes(db, actor, FAMILY_NOTES),
    listGoals(db, { reader: actor, mine: { personId: actor.personId, communityIds: teamIds } }),
    listSupportedTeachers(db, actor, today),
  ]);
  const deadlines = teamRows.map((team) => ({
    communityId: team.id,
    givenBy: latestDateWithSchoolDaysSince(today, team.response_days),
  }));
  const [waiting, goalProgress] = await Promise.all([
    queryNotYetResponded(db, actor, deadlines, { taughtBy: actor.personId }),
    goalsByTeam(db, actor, goals, today, now),
  ]);
  const teamNames = new Map(teamRows.map((team) => [team.id, team.name]));
  const teamRef = (id: string) => ({ id, name: teamNames.get(id) ?? "" });

  const flaggedPlans: EducatorHome["flaggedPlans"] = [];
  const scoresDue: EducatorHome["scoresDue"] = [];
  for (const plan of plans) {
    const points = (plan.score_dates ?? []).map((measuredOn, index) => ({
      measuredOn,
      score: Number(plan.scores?.[index]),
    }));
    const aim = {
      startDate: plan.start_date,
      baseline: Number(plan.baseline),
      goalDate: plan.goal_date,
      goal: Number(plan.goal),
    };
    const { flag } = applyDecisionRule(aim, points, plan.rule_points);
    const student = { id: plan.student_id, name: plan.student_name };
    if (flag) {
      flaggedPlans.push({
        planId: plan.plan_id,
        student,
        community: { id: plan.community_id, name: plan.community_name },
        flag,
      });
    }
    if (plan.delivered_by_me && isScoreDue({ startDate: plan.start_date, lastScoredOn: plan.last_scored_on }, today)) {
      scoresDue.push({ planId: plan.plan_id, student, focus: plan.focus, lastScoredOn: plan.last_scored_on });
    }
  }

  return {
    today,
    meetings: meetings.map((m) => ({
      ...m,
      communityName: teamNames.get(m.communityId) ?? "",
      canStart: canStartMeeting(m, now),
    })),
    // Overdue first (the oldest due date first), then by due date, undated last: listActionItems' order.
    actionItems: actionItems
      .filter((item) => teamNames.has(item.communityId))
      .map((item) => ({
        id: item.id,
        title: item.title,
        dueOn: item.dueOn,
        isOverdue: item.isOverdue,
        community: teamRef(item.communityId),
        meetingId: item.meetingId,
      })),
    resultsToEnter: resultsToEnter.map((row) => ({
      assessment: { id: row.assessment_id, title: row.title, givenOn: row.given_on },
      community: { id: row.community_id, name: row.community_name },
      studentsMissing: row.students_missing,
    })),
    waitingStudents: waiting.map((row) => ({
      student: { id: row.student_id, name: row.student_name },
      assessment: { id: row.assessment_id, title: row.title },
      community: teamRef(row.community_id),
      givenOn: row.given_on,
    })),
    flaggedPlans,
    scoresDue,
    familyNotes: familyNotes.map((note) => ({
      id: note.id,
      student: { id: note.student_id, name: note.student_name },
      planId: note.plan_id,
      createdAt: new Date(note.created_at).toISOString(),
    })),
    cycles: teamRows.flatMap((row) => presentCycles(row, today)),
    goals: goals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      level: goal.level,
      status: goalProgress.progress.get(goal.id)?.status ?? "no_data",
      dueOn: goal.dueOn,
    })),
    teams: presentTeamSignals(teamRows, goalProgress.byTeam, null, today),
    teachers: teachers.map((row) => ({
      person: { id: row.id, name: row.name },
      community: { id: row.community_id, name: row.community_name },
      overdueActionItems: row.overdue_items,
      studentsWithoutResults: row.students_without_results,
      studentsOverdueReview: row.students_overdue_review,
    })),
  };
}
