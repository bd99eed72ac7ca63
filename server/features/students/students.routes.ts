import { IdParams } from "../../../contract/common";
import {
  FamilyChildren,
  StudentFilters,
  StudentFiltersQuery,
  StudentPage,
  StudentProfile,
  StudentsQuery,
} from "../../../contract/students";
import { recordAudit } from "../../audit/record-audit";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import { loadStudentTarget } from "../../policy/student-scope";
import type { App } from "../../types";
import { listOwnChildren } from "./family.queries";
import { presentChild, presentStudentListItem, presentStudentProfile } from "./students.present";
import {
  findStudent,
  listMissedAssessments,
  listStudentFilters,
  listStudentResults,
  listStudents,
} from "./students.queries";

/** Students: the list of those one may see, a student's page, and the family view of one's own children. */
export async function studentsRoutes(app: App) {
  app.get(
    "/students",
    { config: { policy: "student.list" }, schema: { querystring: StudentsQuery, response: { 200: StudentPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "student.list", { districtId: actor.districtId });
      const { items, total } = await listStudents(app.db, actor, request.query);
      const { page, pageSize, ...filters } = request.query;
      await recordAudit(app.db, request, {
        action: "student.list_read",
        subjectType: "student",
        details: { ...filters, page, shown: items.length, total },
      });
      return { items: items.map(presentStudentListItem), total, page, pageSize };
    },
  );

  app.get(
    "/students/filters",
    {
      config: { policy: "student.list" },
      schema: { querystring: StudentFiltersQuery, response: { 200: StudentFilters } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "student.list", { districtId: actor.districtId });
      return listStudentFilters(app.db, actor, request.query.schoolId);
    },
  );

  app.get(
    "/students/:id",
    { config: { policy: "student.read" }, schema: { params: IdParams, response: { 200: StudentProfile } } },
    async (request) => {
      const actor = requireActor(request);
      const target = (await loadStudentTarget(app.db, request.params.id)) ?? notFound("student");
      authorize(actor, "student.read", target);
      const student = (await findStudent(app.db, target.id)) ?? notFound("student");
      const results = await listStudentResults(app.db, student.id);
      const missed = await listMissedAssessments(app.db, student.id);
      await recordAudit(app.db, request, {
        action: "student.read",
        subjectType: "student",
        subjectId: student.id,
        details: { results: results.length },
      });
      return presentStudentProfile(student, results, missed);
    },
  );

  app.get(
    "/family/children",
    { config: { policy: "family.readChildren" }, schema: { response: { 200: FamilyChildren } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "family.readChildren", { districtId: actor.districtId });
      const children = await listOwnChildren(app.db, actor);
      await recordAudit(app.db, request, {
        action: "family.children_read",
        subjectType: "student",
        details: { studentIds: children.map((child) => child.id) },
      });
      return { items: children.map(presentChild) };
    },
  );
}
