import { randomBytes } from "node:crypto";
import type { RoleName } from "../../contract/people";
import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/client";
import { districts, people, roleAssignments, schools } from "../db/schema";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export type TestDistrict = Awaited<ReturnType<typeof buildDistrict>>;

/** A district with an elementary and a high school. */
export async function buildDistrict(db: Db, name = "Test District") {
  const suffix = uniqueSuffix();
  const [district] = await db
    .insert(districts)
    .values({ slug: `test-${suffix}`, name })
    .returning();
  if (!district) throw new Error("no district");
  const [elementary, high] = await db
    .insert(schools)
    .values([
      { districtId: district.id, name: `North Elementary ${suffix}`, level: "elementary" },
      { districtId: district.id, name: `South High ${suffix}`, level: "high" },
    ])
    .returning();
  if (!elementary || !high) throw new Error("no schools");
  return { ...district, schools: { elementary, high } };
}

export type TestPerson = Awaited<ReturnType<typeof buildPerson>>;

/** An active person with one role (at the elementary school unless district-wide or told otherwise). */
export async function buildPerson(
  db: Db,
  district: TestDistrict,
  role: RoleName,
  options: { schoolId?: string | null; status?: "invited" | "active" | "deactivated"; name?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  const [person] = await db
    .insert(people)
    .values({
      districtId: district.id,
      email: `${role}.${suffix}@test.example`,
      displayName: options.name ?? `${role.replace("_", " ")} ${suffix}`,
      passwordHash: options.status === "invited" ? null : await passwordHash,
      status: options.status ?? "active",
    })
    .returning();
  if (!person) throw new Error("no person");
  const schoolId =
    options.schoolId !== undefined
      ? options.schoolId
      : role === "district_leader"
        ? null
        : district.schools.elementary.id;
  await db.insert(roleAssignments).values({ districtId: district.id, personId: person.id, role, schoolId });
  return { ...person, role, schoolId };
}
