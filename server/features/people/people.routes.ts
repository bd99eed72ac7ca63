import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { PeopleQuery, Person, PersonInput, PersonPage, PersonPatch } from "../../../contract/people";
import { recordAudit } from "../../audit/record-audit";
import { revokeAllSessions } from "../../auth/sessions";
import { districts, people } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { isPlaceholderEmail } from "../rosters/validate-users";
import { invitePerson } from "./invite-person";
import { presentPerson } from "./people.present";
import { findPerson, isEmailTaken, listPeople, replaceRoles } from "./people.queries";
import { validateRoles } from "./validate-roles";

const InviteSent = z.object({ ok: z.literal(true), expiresAt: z.string() });

function emailTaken(): never {
  conflict("Another account already uses this email address.", [
    { pointer: "/body/email", detail: "Another account already uses this email address." },
  ]);
}

/** The district's people: directory, and administration by district and school leaders. */
export async function peopleRoutes(app: App) {
  async function districtName(districtId: string): Promise<string> {
    const [row] = await app.db.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId));
    return row?.name ?? "your district";
  }

  async function loadPerson(id: string) {
    return (await findPerson(app.db, id)) ?? notFound("person");
  }

  app.get(
    "/people",
    { config: { policy: "person.list" }, schema: { querystring: PeopleQuery, response: { 200: PersonPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "person.list", { districtId: actor.districtId });
      const { items, total } = await listPeople(app.db, actor.districtId, request.query);
      return {
        items: items.map((p) => presentPerson(actor, p)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/people",
    { config: { policy: "person.create" }, schema: { body: PersonInput, response: { 201: Person } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { sendInvite, ...input } = request.body;
      authorize(actor, "person.create", { districtId: actor.districtId, id: "", roles: input.roles });
      await validateRoles(app.db, actor.districtId, input.roles);
      if (await isEmailTaken(app.db, input.email)) emailTaken();
      const name = await districtName(actor.districtId);
      const created = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(people)
          .values({
            districtId: actor.districtId,
            email: input.email,
            displayName: input.displayName,
            preferredLanguage: input.preferredLanguage,
            status: "invited",
          })
          .returning();
        if (!row) throw new Error("person insert returned nothing");
        await replaceRoles(tx, row, input.roles);
        await recordAudit(tx, request, { action: "person.created", subjectType: "person", subjectId: row.id });
        if (sendInvite) await invitePerson(tx, app.config, request, row, name);
        return row;
      });
      return reply.code(201).send(presentPerson(actor, await loadPerson(created.id)));
    },
  );

  app.get(
    "/people/:id",
    { config: { policy: "person.read" }, schema: { params: IdParams, response: { 200: Person } } },
    async (request) => {
      const actor = requireActor(request);
      const person = await loadPerson(request.params.id);
      authorize(actor, "person.read", person);
      return presentPerson(actor, person);
    },
  );

  app.patch(
    "/people/:id",
    { config: { policy: "person.update" }, schema: { params: IdParams, body: PersonPatch, response: { 200: Person } } },
    async (request) => {
      const actor = requireActor(request);
      const person = await loadPerson(request.params.id);
      authorize(actor, "person.update", person);
      const { roles, ...fields } = request.body;
      if (roles) {
        // The new roles must be within the actor's reach too: a school leader cannot promote anyone.
        authorize(actor, "person.update", { ...person, roles });
        await validateRoles(app.db, actor.districtId, roles);
        if (
          person.id === actor.personId &&
          !roles.some((r) => r.role === "district_leader") &&
          person.roles.some((r) => r.role === "district_leader")
        ) {
          invalid("You cannot remove your own district leader role; ask another district leader.", [
            { pointer: "/body/roles", detail: "You cannot remove your own district leader role." },
          ]);
        }
      }
      if (fields.email && (await isEmailTaken(app.db, fields.email, person.id))) emailTaken();
      await app.db.transaction(async (tx) => {
        if (Object.keys(fields).length) {
          await tx
            .update(people)
            .set({ ...fields, updatedAt: sql`now()` })
            .where(eq(people.id, person.id));
        }
        if (roles) await replaceRoles(tx, person, roles);
        await recordAudit(tx, request, {
          action: "person.updated",
          subjectType: "person",
          subjectId: person.id,
          details: { fields: Object.keys(request.body) },
        });
      });
      return presentPerson(actor, await loadPerson(person.id));
    },
  );

  for (const [suffix, status] of [
    ["deactivate", "deactivated"],
    ["reactivate", "active"],
  ] as const) {
    app.post(
      `/people/:id/${suffix}`,
      { config: { policy: "person.deactivate" }, schema: { params: IdParams, response: { 200: Person } } },
      async (request) => {
        const actor = requireActor(request);
        const person = await loadPerson(request.params.id);
        authorize(actor, "person.deactivate", person);
        await app.db.transaction(async (tx) => {
          // Reactivating someone who never set a password puts them back to "invited".
          const next =
            status === "active"
              ? sql`case when password_hash is null then 'invited'::person_status else 'active'::person_status end`
              : sql`'deactivated'::person_status`;
          await tx.update(people).set({ status: next, updatedAt: sql`now()` }).where(eq(people.id, person.id));
          if (status === "deactivated") await revokeAllSessions(tx, person.id);
          await recordAudit(tx, request, { action: `person.${status}`, subjectType: "person", subjectId: person.id });
        });
        return presentPerson(actor, await loadPerson(person.id));
      },
    );
  }

  app.post(
    "/people/:id/invite",
    { config: { policy: "person.invite" }, schema: { params: IdParams, response: { 200: InviteSent } } },
    async (request) => {
      const actor = requireActor(request);
      const person = await loadPerson(request.params.id);
      authorize(actor, "person.invite", person);
      if (isPlaceholderEmail(person.email)) {
        invalid("This person has no email address yet (the roster had none): add one, then invite them.");
      }
      if (person.status !== "invited") {
        invalid("Only people who have not yet joined can be invited; they can reset their password instead.");
      }
      const { expiresAt } = await invitePerson(
        app.db,
        app.config,
        request,
        person,
        await districtName(actor.districtId),
      );
      return { ok: true as const, expiresAt: expiresAt.toISOString() };
    },
  );
}
