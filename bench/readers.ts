import { createSession, findActorBySessionToken } from "../server/auth/sessions";
import type { Database } from "../server/db/client";
import { people, roleAssignments } from "../server/db/schema";
import type { Actor } from "../server/policy/actor";

export type BenchReader = { token: string; actor: Actor };

/** A session for a person of the generated district: an existing one, or a new leader made for the bench. */
export async function signIn(database: Database, person: { id: string; districtId: string }): Promise<BenchReader> {
  const { db, pool } = database;
  const { token } = await createSession(db, person, { ip: "127.0.0.1", userAgent: "bench", hours: 2 });
  const actor = await findActorBySessionToken(db, pool, token);
  if (!actor) throw new Error("the bench reader has no actor");
  return { token, actor };
}

/** A new leader of the district (or of one school) signed in, so a bench reads as a leader would. */
export async function benchLeader(
  database: Database,
  districtId: string,
  role: "district_leader" | "school_leader",
  schoolId: string | null = null,
): Promise<BenchReader> {
  const { db } = database;
  const [person] = await db
    .insert(people)
    .values({
      districtId,
      email: `bench.${role}.${Date.now()}@bench.example`,
      displayName: "Bench leader",
      status: "active",
    })
    .returning({ id: people.id, districtId: people.districtId });
  if (!person) throw new Error("no reader");
  await db.insert(roleAssignments).values({ districtId, personId: person.id, role, schoolId });
  return signIn(database, person);
}
