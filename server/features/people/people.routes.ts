import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { PeopleQuery, Person, PersonInput, PersonPage, PersonPatch } from "../../../contract/people";
import { conflict, invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { isPlaceholderEmail } from "../rosters/validate-users";
import { createPerson } from "./create-person";
import { invitePerson } from "./invite-person";
import { presentPerson } from "./people.present";
import { findDistrictName, findPerson, isEmailTaken, listPeople } from "./people.queries";
import { setPersonStatus } from "./set-person-status";
import { updatePerson } from "./update-person";
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
    return (await findDistrictName(app.db, districtId)) ?? "your district";
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
      const input = request.body;
      authorize(actor, "person.create", { districtId: actor.districtId, id: "", roles: input.roles });
      await validateRoles(app.db, actor.districtId, input.roles);
      if (await isEmailTaken(app.db, input.email)) emailTaken();
      const name = await districtName(actor.districtId);
      const id = await createPerson(app.db, app.config, actorContextOf(request), input, name);
      return reply.code(201).send(presentPerson(actor, await loadPerson(id)));
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
      await updatePerson(app.db, actorContextOf(request), person, request.body);
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
        await setPersonStatus(app.db, actorContextOf(request), person.id, status);
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
        actorContextOf(request),
        person,
        await districtName(actor.districtId),
      );
      return { ok: true as const, expiresAt: expiresAt.toISOString() };
    },
  );
}
