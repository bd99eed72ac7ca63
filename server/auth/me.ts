import { sql } from "drizzle-orm";
import type { Me } from "../../contract/auth";
import type { RoleName } from "../../contract/people";
import type { Db } from "../db/client";
import { type Actor, isStaff } from "../policy/actor";
import { can } from "../policy/authorize";

type MeRow = {
  preferred_language: string;
  district_name: string;
  district_slug: string;
  roles: { role: RoleName; schoolId: string | null; schoolName: string | null }[] | null;
};

/** What the web app needs about the signed-in person: identity, roles, and which areas to show. */
export async function loadMe(db: Db, actor: Actor): Promise<Me> {
  const result = await db.execute<MeRow>(sql`
    select p.preferred_language, d.name as district_name, d.slug as district_slug,
           (select json_agg(json_build_object('role', ra.role, 'schoolId', ra.school_id, 'schoolName', s.name)
                            order by ra.role, s.name)
              from role_assignments ra left join schools s on s.id = ra.school_id
             where ra.person_id = p.id) as roles
      from people p join districts d on d.id = p.district_id
     where p.id = ${actor.personId}`);
  const row = result.rows[0];
  if (!row) throw new Error("signed-in person vanished");
  const district = { districtId: actor.districtId };
  const capabilities = {
    managePeople: can(actor, "person.create", { ...district, id: "", roles: [] }) || managesAnySchool(actor),
    manageSchools: can(actor, "school.create", district),
    readAudit: can(actor, "audit.read", district),
    readOutbox: can(actor, "outbox.read", district),
  };
  return {
    id: actor.personId,
    email: actor.email,
    displayName: actor.displayName,
    preferredLanguage: row.preferred_language,
    district: { id: actor.districtId, name: row.district_name, slug: row.district_slug },
    roles: row.roles ?? [],
    navigation: navigationFor(actor, capabilities.managePeople || capabilities.readAudit),
    can: capabilities,
  };
}

function managesAnySchool(actor: Actor): boolean {
  return actor.roles.some(
    (r) =>
      r.role === "school_leader" &&
      r.schoolId !== null &&
      can(actor, "person.create", {
        districtId: actor.districtId,
        id: "",
        roles: [{ role: "teacher", schoolId: r.schoolId }],
      }),
  );
}

function navigationFor(actor: Actor, isAdmin: boolean): Me["navigation"] {
  if (isStaff(actor)) {
    const areas: Me["navigation"] = ["home", "communities", "students", "interventions", "goals", "library"];
    return isAdmin ? [...areas, "admin"] : areas;
  }
  const isFamily = actor.roles.some((r) => r.role === "family_member");
  return isFamily ? ["home", "communities", "students"] : ["home", "communities", "library"];
}
