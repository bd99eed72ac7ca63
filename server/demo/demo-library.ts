import type { Faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { resourceComments, resourceRatings, resources, resourceUses } from "../db/schema";
import { resourceSearchVector } from "../features/library/library.queries";
import type { DemoCalendar } from "./demo-calendar";
import type { DemoPerson } from "./demo-communities";

type Plan = {
  kind: "link" | "lesson_plan" | "strategy";
  title: string;
  description: string;
  url?: string;
  tags: string[];
  gradeLevels: string[];
  subjects: string[];
  scope: "private" | "community" | "school" | "district";
  community?: string;
  school?: "elementary" | "middle" | "high";
};

const PLANS: Plan[] = [
  {
    kind: "strategy",
    title: "Partner talk sentence frames",
    description:
      "Sentence frames that give every student a way into academic conversation: agreeing, building on, and respectfully disagreeing.",
    tags: ["discourse", "english learners"],
    gradeLevels: ["2", "3", "4"],
    subjects: ["ELA", "Math"],
    scope: "school",
    school: "elementary",
  },
  {
    kind: "lesson_plan",
    title: "Equivalent fractions exit ticket and reteach plan",
    description:
      "A three-question exit ticket on equivalent fractions with a two-day reteach using number lines and fraction strips.",
    tags: ["fractions", "exit ticket", "reteach"],
    gradeLevels: ["3", "4"],
    subjects: ["Math"],
    scope: "community",
    community: "Grade 3 team",
  },
  {
    kind: "strategy",
    title: "Number line warm-up",
    description:
      "A five-minute daily routine: students place fractions and decimals on an open number line and justify their placement.",
    tags: ["fractions", "routine", "number sense"],
    gradeLevels: ["3", "4", "5", "6"],
    subjects: ["Math"],
    scope: "community",
    community: "K–12 math vertical team",
  },
  {
    kind: "link",
    title: "Writing learning targets students understand",
    description:
      "A short guide to unpacking an essential standard into student-friendly 'I can' statements, with examples across grades.",
    url: "https://example.org/learning-targets",
    tags: ["learning targets", "standards"],
    gradeLevels: [],
    subjects: [],
    scope: "district",
  },
  {
    kind: "lesson_plan",
    title: "Proficiency scale template (1–4)",
    description:
      "A blank proficiency scale with descriptors for levels 1 to 4, and one filled-in example for a linear functions target.",
    tags: ["proficiency scale", "assessment"],
    gradeLevels: ["9", "10"],
    subjects: ["Math"],
    scope: "community",
    community: "Algebra I course team",
  },
  {
    kind: "strategy",
    title: "Ninth-grade on-track check-ins",
    description:
      "Weekly two-minute check-ins with each ninth grader who is off track in one or more courses, with a simple log the team reviews.",
    tags: ["on-track", "relationships"],
    gradeLevels: ["9"],
    subjects: [],
    scope: "school",
    school: "high",
  },
];

const COMMENTS = [
  "Used this with my intervention group, it worked well with a visual model first.",
  "Could we add a version in Spanish for our newcomers?",
  "The second question was the most telling for me.",
];

/** The demo library: resources of each kind at each scope, with comments, ratings and classroom uses. */
export async function seedDemoLibrary(
  db: Db,
  faker: Faker,
  districtId: string,
  schoolIds: Record<"elementary" | "middle" | "high", string>,
  staff: DemoPerson[],
  cal: DemoCalendar,
): Promise<void> {
  const communityRows = await db.execute<{ id: string; name: string; members: string[] }>(sql`
    select c.id, c.name, array_agg(cm.person_id order by cm.person_id) as members
      from communities c join community_members cm on cm.community_id = c.id
     where c.district_id = ${districtId} group by c.id, c.name`);
  const teachers = staff.filter((p) => ["teacher", "coach"].includes(p.role));
  for (const plan of PLANS) {
    const community = plan.community ? communityRows.rows.find((c) => c.name === plan.community) : undefined;
    const audience = community
      ? community.members
      : teachers.filter((p) => !plan.school || p.schoolKey === plan.school).map((p) => p.id);
    const author = faker.helpers.arrayElement(audience);
    const [row] = await db
      .insert(resources)
      .values({
        districtId,
        kind: plan.kind,
        title: plan.title,
        description: plan.description,
        url: plan.url ?? null,
        tags: plan.tags,
        gradeLevels: plan.gradeLevels,
        subjects: plan.subjects,
        scope: plan.scope,
        communityId: community?.id ?? null,
        schoolId: plan.school ? schoolIds[plan.school] : null,
        createdById: author,
        search: resourceSearchVector(plan),
      })
      .returning({ id: resources.id });
    const resourceId = row?.id as string;
    const others = faker.helpers.arrayElements(
      audience.filter((id) => id !== author),
      Math.min(3, audience.length - 1),
    );
    if (!others.length) continue;
    await db.insert(resourceRatings).values(
      others.map((personId) => ({
        districtId,
        resourceId,
        personId,
        usefulness: faker.number.int({ min: 3, max: 5 }),
      })),
    );
    await db
      .insert(resourceComments)
      .values({ districtId, resourceId, authorId: others[0] as string, body: faker.helpers.arrayElement(COMMENTS) });
    await db.insert(resourceUses).values(
      others.slice(0, 2).map((personId, i) => ({
        districtId,
        resourceId,
        personId,
        usedOn: cal.now.minus({ days: (i + 1) * 5 }).toISODate() as string,
        reflection: "Students were more engaged; next time I will model it once before they try it in pairs.",
      })),
    );
  }
}
