import { createSession, findActorBySessionToken } from "../auth/sessions";
import type { Database } from "../db/client";
import type { Actor } from "../policy/actor";
import type { TestPerson } from "./factories";

/** The Actor a person is when signed in, loaded as a request would load it (for scope agreement tests). */
export async function signedInActor(database: Database, person: TestPerson): Promise<Actor> {
  const { token } = await createSession(database.db, person, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
  const actor = await findActorBySessionToken(database.db, database.pool, token);
  if (!actor) throw new Error("no actor");
  return actor;
}
