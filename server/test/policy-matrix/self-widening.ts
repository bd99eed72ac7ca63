import { ROLES, type RoleName } from "../../../contract/people";
import { createSession, findActorBySessionToken } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { STAFF_ROLES } from "../../policy/actor";
import { visibleStudentIds } from "../../policy/student-scope";
import { buildClass, buildStudent } from "../evidence-factories";
import { buildPerson, type TestPerson } from "../factories";
import type { TestApp } from "../test-app";
import type { Ctx } from "./matrix-context";

/**
 * The "self-widening" check: for every role, starting communities and adding members never grows the students
 * the actor may read. Only the added teachers' own choice to share can, and then only as the permission model
 * says: in a grade-level or course team, students of a school where the actor holds a staff role.
 */
export async function checkSelfWidening(app: TestApp, database: Database, ctx: Ctx) {
  const district = ctx.own.district;
  const { elementary, high } = district.schools;
  const teachers: { person: TestPerson; schoolId: string; studentIds: string[] }[] = [];
  for (const schoolId of [elementary.id, high.id]) {
    const person = await buildPerson(ctx.db, district, "teacher", { schoolId });
    const room = await buildClass(ctx.db, district, { schoolId, teacherIds: [person.id] });
    const studentIds = [];
    for (let i = 0; i < 2; i++)
      studentIds.push((await buildStudent(ctx.db, district, { schoolId, classIds: [room.id] })).id);
    teachers.push({ person, schoolId, studentIds });
  }
  const results: Record<
    string,
    { before: string[]; afterAdding: string[]; afterConsent: string[]; expected: string[] }
  > = {};
  for (const role of ROLES) {
    const actor = ctx.members.get(role) as TestPerson;
    const visible = async () => {
      const { token } = await createSession(ctx.db, actor, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
      const loaded = await findActorBySessionToken(ctx.db, database.pool, token);
      if (!loaded) throw new Error("no actor");
      const rows = await ctx.db.execute<{ id: string }>(visibleStudentIds(loaded));
      return rows.rows.map((r) => r.id).sort();
    };
    const send = async (person: TestPerson, method: "POST" | "PUT", url: string, payload: object) => {
      const { token } = await createSession(ctx.db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
      return app.inject({ method, url, payload, headers: { cookie: `collective_session=${token}` } });
    };
    const before = await visible();
    const teams: string[] = [];
    for (const kind of ["grade_level", "vertical", "job_alike"]) {
      const created = await send(actor, "POST", "/api/v1/communities", {
        name: `${role} ${kind} ${ctx.unique()}`,
        kind,
        schoolIds: [elementary.id, high.id],
      });
      if (created.statusCode !== 201) continue;
      const id = created.json<{ id: string }>().id;
      teams.push(id);
      for (const { person } of teachers) {
        await send(actor, "POST", `/api/v1/communities/${id}/members`, { personId: person.id });
      }
      // The actor marks themself as sharing too: that shares their students, it never widens their reading.
      await send(actor, "PUT", `/api/v1/communities/${id}/student-sharing`, { sharesStudents: true });
    }
    const afterAdding = await visible();
    for (const id of teams) {
      for (const { person } of teachers) {
        await send(person, "PUT", `/api/v1/communities/${id}/student-sharing`, { sharesStudents: true });
      }
    }
    const afterConsent = await visible();
    const person = ctx.members.get(role as RoleName) as TestPerson;
    const worksAt = (schoolId: string) => STAFF_ROLES.includes(role) && person.schoolId === schoolId;
    // Only the grade-level team shares; only the teacher at a school where the actor works.
    const gained = teams.length ? teachers.filter((x) => worksAt(x.schoolId)).flatMap((x) => x.studentIds) : [];
    const expected = [...new Set([...before, ...gained])].sort();
    results[role] = { before, afterAdding, afterConsent, expected };
  }
  return results;
}
