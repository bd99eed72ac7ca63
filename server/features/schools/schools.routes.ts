import { IdParams } from "../../../contract/common";
import { School, SchoolInput, SchoolPage, SchoolPatch, SchoolsQuery } from "../../../contract/schools";
import { conflict, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { createSchool } from "./create-school";
import { presentSchool } from "./schools.present";
import { findSchool, isSchoolNameTaken, listSchools } from "./schools.queries";
import { updateSchool } from "./update-school";

function nameTaken(): never {
  conflict("The district already has a school with this name.", [
    { pointer: "/body/name", detail: "The district already has a school with this name." },
  ]);
}

/** The district's schools. */
export async function schoolsRoutes(app: App) {
  const isNameTaken = (districtId: string, name: string, exceptId?: string) =>
    isSchoolNameTaken(app.db, districtId, name, exceptId);

  app.get(
    "/schools",
    { config: { policy: "school.list" }, schema: { querystring: SchoolsQuery, response: { 200: SchoolPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "school.list", { districtId: actor.districtId });
      const { items, total } = await listSchools(app.db, actor.districtId, request.query);
      return {
        items: items.map((s) => presentSchool(actor, s)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/schools",
    { config: { policy: "school.create" }, schema: { body: SchoolInput, response: { 201: School } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "school.create", { districtId: actor.districtId });
      if (await isNameTaken(actor.districtId, request.body.name)) nameTaken();
      const id = await createSchool(app.db, actorContextOf(request), request.body);
      return reply.code(201).send(presentSchool(actor, (await findSchool(app.db, id)) ?? notFound("school")));
    },
  );

  app.get(
    "/schools/:id",
    { config: { policy: "school.read" }, schema: { params: IdParams, response: { 200: School } } },
    async (request) => {
      const actor = requireActor(request);
      const school = (await findSchool(app.db, request.params.id)) ?? notFound("school");
      authorize(actor, "school.read", school);
      return presentSchool(actor, school);
    },
  );

  app.patch(
    "/schools/:id",
    { config: { policy: "school.update" }, schema: { params: IdParams, body: SchoolPatch, response: { 200: School } } },
    async (request) => {
      const actor = requireActor(request);
      const school = (await findSchool(app.db, request.params.id)) ?? notFound("school");
      authorize(actor, "school.update", school);
      const { name } = request.body;
      if (name && (await isNameTaken(actor.districtId, name, school.id))) nameTaken();
      await updateSchool(app.db, actorContextOf(request), school.id, request.body);
      return presentSchool(actor, (await findSchool(app.db, school.id)) ?? notFound("school"));
    },
  );
}
