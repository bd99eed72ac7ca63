import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { districts, people } from "../db/schema";

/** The person whose email this is (compared in lower case), or undefined. */
export async function findPersonByEmail(db: Db, email: string) {
  const [person] = await db
    .select()
    .from(people)
    .where(eq(sql`lower(${people.email})`, email));
  return person;
}

/** The stored password hash of a person, or null when they have none. */
export async function findPasswordHash(db: Db, personId: string): Promise<string | null> {
  const [person] = await db.select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, personId));
  return person?.passwordHash ?? null;
}

/** Who an invitation is for, as its page greets them, or undefined. */
export async function findInvitee(db: Db, personId: string) {
  const [person] = await db
    .select({ email: people.email, displayName: people.displayName, districtName: districts.name })
    .from(people)
    .innerJoin(districts, eq(districts.id, people.districtId))
    .where(eq(people.id, personId));
  return person;
}
