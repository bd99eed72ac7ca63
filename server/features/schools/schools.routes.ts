import { and, eq, ne, sql } from "drizzle-orm";
import { IdParams } from "../../../contract/common";
import { School, SchoolInput, SchoolPage, SchoolPatch, SchoolsQuery } from "../../../contract/schools";
import { recordAudit } from "../../audit/record-audit";
import { schools } from "../../db/schema";
import { conflict, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { abilities, authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findSchool, listSchools, type SchoolRow } from "./schools.queries";

function presentSchool(actor: Actor, school: SchoolRow): School {
  const { districtId: _districtId, ...shown } = school;
  return { ...shown, can: abilities(actor, ["school.update"], school) };
}

function nameTaken(): never {
  conflict("The district already has a school with this name.", [
    { pointer: "/body/name", detail: "The district already has a school with this name." },
  ]);
}

/** The district's schools. */
export async function schoolsRoutes(app: App) {
  async function isNameTaken(districtId: string, name: string, exceptId?: string) {
    const conditions = [eq(schools.districtId, districtId), eq(sql`lower(${schools.name})`, name.toLowerCase())];
    if (exceptId) conditions.push(ne(schools.id, exceptId));
    return (
      (
        await app.db
          .select({ id: schools.id })
          .from(schools)
          .where(and(...conditions))
          .limit(1)
      ).length > 0
    );
  }

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
      const id = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(schools)
          .values({ districtId: actor.districtId, ...request.body })
          .returning({ id: schools.id });
        if (!row) throw new Error("school insert returned nothing");
        await recordAudit(tx, request, { action: "school.created", subjectType: "school", subjectId: row.id });
        return row.id;
      });
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
      const { archived, ...fields } = request.body;
      if (fields.name && (await isNameTaken(actor.districtId, fields.name, school.id))) nameTaken();
      await app.db.transaction(async (tx) => {
        const archivedAt = archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null };
        await tx
          .update(schools)
          .set({ ...fields, ...archivedAt, updatedAt: sql`now()` })
          .where(eq(schools.id, school.id));
        await recordAudit(tx, request, {
          action: "school.updated",
          subjectType: "school",
          subjectId: school.id,
          details: { fields: Object.keys(request.body) },
        });
      });
      return presentSchool(actor, (await findSchool(app.db, school.id)) ?? notFound("school"));
    },
  );
}
