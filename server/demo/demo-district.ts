import { en, Faker } from "@faker-js/faker";
import { eq } from "drizzle-orm";
import type { RoleName } from "../../contract/people";
import { hashPassword } from "../auth/passwords";
import { now } from "../clock";
import type { Db } from "../db/client";
import { districts, people, roleAssignments, schools } from "../db/schema";
import { DEMO_TIME_ZONE, demoCalendar } from "./demo-calendar";
import { seedDemoCollaboration } from "./demo-collaboration";
import { seedDemoCommunities } from "./demo-communities";
import { seedDemoCycles } from "./demo-cycles";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoGoals } from "./demo-goals";
import { seedDemoInterventions } from "./demo-interventions";
import { seedDemoLibrary } from "./demo-library";
import { seedDemoRoster } from "./demo-roster";
import { seedDemoSurveys } from "./demo-surveys";

export const DEMO_DISTRICT = { slug: "riverside", name: "Riverside Unified School District" };
export const DEMO_PASSWORD = "collective-demo";

const DEMO_SCHOOLS = [
  { key: "elementary", name: "Maple Grove Elementary School", level: "elementary" },
  { key: "middle", name: "Riverside Middle School", level: "middle" },
  { key: "high", name: "Riverside High School", level: "high" },
] as const;
type SchoolKey = (typeof DEMO_SCHOOLS)[number]["key"];

/** The named accounts printed by `npm start` and listed in the README: one per role. */
export const DEMO_LOGINS: { email: string; displayName: string; role: RoleName; school: SchoolKey | null }[] = [
  { email: "maria.alvarez@riverside.example", displayName: "Maria Alvarez", role: "district_leader", school: null },
  { email: "james.okafor@riverside.example", displayName: "James Okafor", role: "school_leader", school: "elementary" },
  { email: "priya.natarajan@riverside.example", displayName: "Priya Natarajan", role: "coach", school: "middle" },
  { email: "emily.chen@riverside.example", displayName: "Emily Chen", role: "teacher", school: "elementary" },
  { email: "luis.romero@riverside.example", displayName: "Luis Romero", role: "support_staff", school: "middle" },
  { email: "ana.torres@riverside.example", displayName: "Ana Torres", role: "family_member", school: "elementary" },
  {
    email: "grace.whitfield@riverside.example",
    displayName: "Grace Whitfield",
    role: "community_member",
    school: "high",
  },
];

/** How many more staff each school gets beyond the named logins (about sixty staff in all). */
const GENERATED_STAFF: Record<SchoolKey, Partial<Record<RoleName, number>>> = {
  elementary: { school_leader: 1, coach: 1, teacher: 14, support_staff: 3 },
  middle: { school_leader: 2, coach: 1, teacher: 13, support_staff: 2 },
  high: { school_leader: 2, coach: 2, teacher: 14, support_staff: 3 },
};

export type DemoLogin = { email: string; password: string; role: RoleName; school: string | null };

/** The demo accounts as machines read them. */
export function demoLogins(): DemoLogin[] {
  return DEMO_LOGINS.map((login) => ({
    email: login.email,
    password: DEMO_PASSWORD,
    role: login.role,
    school: DEMO_SCHOOLS.find((s) => s.key === login.school)?.name ?? null,
  }));
}

/** Whether the demo district is already there (so a restart does not seed twice). */
export async function hasDemoDistrict(db: Db): Promise<boolean> {
  const rows = await db.select({ id: districts.id }).from(districts).where(eq(districts.slug, DEMO_DISTRICT.slug));
  return rows.length > 0;
}

function emailFor(name: string, taken: Set<string>): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  let email = `${base}@riverside.example`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@riverside.example`;
  taken.add(email);
  return email;
}

/**
 * Builds the demo district deterministically (same seed, same people, the same story) in one transaction,
 * dated around `at` (the clock's now): its term has just had a week of progress data, its meetings lie ahead.
 */
export async function seedDemoDistrict(db: Db, at: Date = now()): Promise<{ districtId: string }> {
  const cal = demoCalendar(at);
  const faker = new Faker({ locale: [en], seed: 20_261_123 });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [district] = await tx
      .insert(districts)
      .values({ ...DEMO_DISTRICT, timeZone: DEMO_TIME_ZONE })
      .returning();
    if (!district) throw new Error("district insert returned nothing");
    const schoolRows = await tx
      .insert(schools)
      .values(DEMO_SCHOOLS.map((s) => ({ districtId: district.id, name: s.name, level: s.level })))
      .returning();
    const schoolId = (key: SchoolKey) => schoolRows[DEMO_SCHOOLS.findIndex((s) => s.key === key)]?.id ?? null;

    const taken = new Set(DEMO_LOGINS.map((l) => l.email));
    const planned = DEMO_LOGINS.map((l) => ({ ...l, schoolId: l.school ? schoolId(l.school) : null }));
    planned.push({
      email: "robert.kim@riverside.example",
      displayName: "Robert Kim",
      role: "district_leader",
      school: null,
      schoolId: null,
    });
    taken.add("robert.kim@riverside.example");
    for (const school of DEMO_SCHOOLS) {
      for (const [role, count] of Object.entries(GENERATED_STAFF[school.key]) as [RoleName, number][]) {
        for (let i = 0; i < count; i++) {
          const displayName = faker.person.fullName();
          planned.push({
            email: emailFor(displayName, taken),
            displayName,
            role,
            school: school.key,
            schoolId: schoolId(school.key),
          });
        }
      }
    }
    const personRows = await tx
      .insert(people)
      .values(
        planned.map((p) => ({
          districtId: district.id,
          email: p.email,
          displayName: p.displayName,
          passwordHash,
          status: "active" as const,
          preferredLanguage: p.role === "family_member" ? "es" : "en",
        })),
      )
      .returning({ id: people.id });
    await tx.insert(roleAssignments).values(
      planned.map((p, i) => ({
        districtId: district.id,
        personId: personRows[i]?.id as string,
        role: p.role,
        schoolId: p.schoolId,
      })),
    );
    // The middle-school coach also supports the high school: people may hold roles at several schools.
    const coachIndex = planned.findIndex((p) => p.email === "priya.natarajan@riverside.example");
    await tx.insert(roleAssignments).values({
      districtId: district.id,
      personId: personRows[coachIndex]?.id as string,
      role: "coach",
      schoolId: schoolId("high"),
    });
    const staff = planned.map((p, i) => ({
      id: personRows[i]?.id as string,
      email: p.email,
      role: p.role,
      schoolKey: p.school,
    }));
    const schoolKeys = {
      elementary: schoolId("elementary") as string,
      middle: schoolId("middle") as string,
      high: schoolId("high") as string,
    };
    await seedDemoCommunities(tx, faker, district.id, schoolKeys, staff, cal);
    await seedDemoCollaboration(tx, faker, district.id, staff, cal);
    await seedDemoLibrary(tx, faker, district.id, schoolKeys, staff, cal);
    const roster = await seedDemoRoster(tx, faker, district.id, schoolKeys, staff, cal);
    await seedDemoEvidence(tx, faker, district.id, roster, cal);
    await seedDemoInterventions(tx, district.id, cal);
    await seedDemoGoals(tx, district.id, cal);
    await seedDemoCycles(tx, district.id, cal);
    await seedDemoSurveys(tx, district.id, cal);
    return { districtId: district.id };
  });
}
