import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DISTRICT_WIDE_ROLES, type RoleName } from "../../contract/people";
import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/client";
import { districts, people, roleAssignments, schools } from "../db/schema";

type Options = { email: string; role: RoleName; district: string; school?: string; name?: string; password?: string };

/** Creates an active account from the command line, creating the district and school when they are new. */
export async function createUser(db: Db, options: Options): Promise<{ password: string }> {
  const password = options.password ?? randomBytes(12).toString("base64url");
  if (password.length < 10) throw new Error("The password must have at least 10 characters.");
  const isDistrictWide = DISTRICT_WIDE_ROLES.includes(options.role);
  if (!isDistrictWide && !options.school) throw new Error(`The role ${options.role} needs --school.`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(districts).where(eq(districts.slug, options.district));
    const district =
      existing ??
      (await tx.insert(districts).values({ slug: options.district, name: options.district }).returning())[0];
    if (!district) throw new Error("could not create the district");
    let schoolId: string | null = null;
    if (!isDistrictWide && options.school) {
      const [school] = await tx
        .select()
        .from(schools)
        .where(and(eq(schools.districtId, district.id), eq(sql`lower(${schools.name})`, options.school.toLowerCase())));
      schoolId =
        school?.id ??
        (await tx.insert(schools).values({ districtId: district.id, name: options.school }).returning())[0]?.id ??
        null;
    }
    const [person] = await tx
      .insert(people)
      .values({
        districtId: district.id,
        email: options.email.toLowerCase(),
        displayName: options.name ?? options.email.split("@")[0] ?? options.email,
        passwordHash,
        status: "active",
      })
      .returning();
    if (!person) throw new Error("could not create the person");
    await tx
      .insert(roleAssignments)
      .values({ districtId: district.id, personId: person.id, role: options.role, schoolId });
  });
  return { password };
}
