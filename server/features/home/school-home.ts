import type { DistrictHome, SchoolHome } from "../../../contract/home";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { listGoals } from "../goals/goals.queries";
import { resolvePeriod } from "../intervention-reports/build-report";
import { countOverdueStudentsBySchool, listSchools } from "./leader-home.queries";
import { cachedResponsiveness } from "./rollup-cache";
import { goalsByTeam, presentTeamSignals, studentShare } from "./team-signals";
import { listTeamSignals } from "./team-signals.queries";

/**
 * A school leader's home: every team of the school with its signals and alerts. Responsiveness counts the
 * school's students below proficient this school year (resolvePeriod's default) and those responded to in time.
 */
export async function loadSchoolHome(
  db: Db,
  actor: Actor,
  school: { id: string; name: string },
  today: string,
  now: Date,
): Promise<SchoolHome> {
  const period = resolvePeriod({}, today);
  const [rows, responsiveness] = await Promise.all([
    listTeamSignals(db, actor, { schoolIds: [school.id] }, today),
    cachedResponsiveness(db, { districtId: actor.districtId, schoolIds: [school.id] }, period),
  ]);
  // Only goals still running can be at risk (after its due date a goal is met or not met): only those are measured.
  const goals = (await listGoals(db, { reader: actor, communityIds: rows.map((row) => row.id) })).filter(
    (goal) => goal.dueOn >= today,
  );
  const { byTeam } = await goalsByTeam(db, actor, goals, today, now);
  const byCommunity = new Map(responsiveness.flatMap((row) => (row.community_id ? [[row.community_id, row]] : [])));
  return { today, school, teams: presentTeamSignals(rows, byTeam, byCommunity, today) };
}

/**
 * A district leader's home: each school's teams summed (a team of several schools counts in each), with
 * responsiveness and overdue reviews counted as the school's students, once each. Goals at risk are the
 * schools' own goals (the school's drill-down shows its teams' goals).
 */
export async function loadDistrictHome(db: Db, actor: Actor, today: string, now: Date): Promise<DistrictHome> {
  const period = resolvePeriod({}, today);
  const [schools, rows, responsiveness, overdue, schoolGoals] = await Promise.all([
    listSchools(db, actor.districtId),
    listTeamSignals(db, actor, { district: true }, today),
    cachedResponsiveness(db, { districtId: actor.districtId, schoolIds: null }, period, "school"),
    countOverdueStudentsBySchool(db, actor, today),
    listGoals(db, { reader: actor, level: "school" }),
  ]);
  const runningSchoolGoals = schoolGoals.filter((goal) => goal.dueOn >= today);
  const teams = presentTeamSignals(rows, new Map(), null, today);
  const { progress } = await goalsByTeam(db, actor, runningSchoolGoals, today, now);
  const bySchool = new Map(responsiveness.flatMap((row) => (row.community_id ? [[row.community_id, row]] : [])));
  return {
    today,
    schools: schools.map((school) => {
      const own = teams.filter((team) => team.schoolIds.includes(school.id));
      return {
        school,
        teams: own.length,
        teamsWithAlerts: own.filter((team) => team.alerts.length > 0).length,
        stalledCycles: own.filter((team) => team.cycle?.isStalled).length,
        goalsAtRisk: runningSchoolGoals.filter(
          (goal) =>
            goal.school?.id === school.id && ["at_risk", "off_track"].includes(progress.get(goal.id)?.status ?? ""),
        ).length,
        overdueReviews: overdue.get(school.id) ?? 0,
        responsiveness: studentShare(bySchool.get(school.id)),
      };
    }),
  };
}
