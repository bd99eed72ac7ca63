import { DistrictHome, EducatorHome, SchoolHome, SchoolHomeQuery } from "../../../contract/home";
import { recordAudit } from "../../audit/record-audit";
import { now, todayIn } from "../../clock";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { loadEducatorHome } from "./educator-home";
import { findSchool } from "./leader-home.queries";
import { loadDistrictHome, loadSchoolHome } from "./school-home";

/** How many distinct students a home names. */
function studentsNamed(home: EducatorHome): number {
  return new Set(
    [...home.waitingStudents, ...home.flaggedPlans, ...home.scoresDue, ...home.familyNotes].map(
      (row) => row.student.id,
    ),
  ).size;
}

/** The homes by role: an educator's, a school's (for its leaders) and the district's. Every read is audit-logged. */
export async function homeRoutes(app: App) {
  app.get(
    "/home/educator",
    { config: { policy: "home.educator" }, schema: { response: { 200: EducatorHome } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "home.educator", { districtId: actor.districtId });
      const home = await loadEducatorHome(app.db, actor, todayIn(actor.timeZone), now());
      await recordAudit(app.db, request, {
        action: "home.educator_read",
        subjectType: "person",
        subjectId: actor.personId,
        details: { students: studentsNamed(home) },
      });
      return home;
    },
  );

  app.get(
    "/home/school",
    { config: { policy: "home.school" }, schema: { querystring: SchoolHomeQuery, response: { 200: SchoolHome } } },
    async (request) => {
      const actor = requireActor(request);
      const school = (await findSchool(app.db, request.query.schoolId)) ?? notFound("school");
      authorize(actor, "home.school", { districtId: school.district_id, schoolId: school.id });
      const home = await loadSchoolHome(app.db, actor, school, todayIn(actor.timeZone), now());
      await recordAudit(app.db, request, {
        action: "home.school_read",
        subjectType: "school",
        subjectId: school.id,
        details: { teams: home.teams.length },
      });
      return home;
    },
  );

  app.get(
    "/home/district",
    { config: { policy: "home.district" }, schema: { response: { 200: DistrictHome } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "home.district", { districtId: actor.districtId });
      const home = await loadDistrictHome(app.db, actor, todayIn(actor.timeZone), now());
      await recordAudit(app.db, request, {
        action: "home.district_read",
        subjectType: "district",
        subjectId: actor.districtId,
        details: { schools: home.schools.length },
      });
      return home;
    },
  );
}
