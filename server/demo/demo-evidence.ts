import type { Faker } from "@faker-js/faker";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  assessmentClasses,
  assessmentItems,
  assessmentSittings,
  assessments,
  assessmentTargets,
  classStudents,
  classTeachers,
  communities,
  essentialStandards,
  itemScores,
  itemTargets,
  learningTargets,
  type ProficiencyLevel,
  people,
  standards,
} from "../db/schema";
import { recomputeTargetResults } from "../features/assessments/target-results";
import type { DemoCalendar } from "./demo-calendar";
import type { DemoRoster } from "./demo-roster";
import { importDemoFramework } from "./standards/demo-framework";

const SCALE: ProficiencyLevel[] = [
  { level: 1, label: "Beginning", descriptor: "With help, shows a partial understanding of the simpler ideas." },
  { level: 2, label: "Approaching", descriptor: "Does the simpler parts alone; makes errors on the harder ones." },
  { level: 3, label: "Proficient", descriptor: "Meets the target on their own, with no major errors." },
  { level: 4, label: "Advanced", descriptor: "Applies the target in new texts and explains their thinking." },
];

/** The Grade 3 team's answer to "what do we want each student to learn?" this unit. */
const ESSENTIALS: { code: string; targets: string[] }[] = [
  {
    code: "RI.3.2",
    targets: [
      "I can tell the main idea of an informational text.",
      "I can name the key details that support the main idea.",
    ],
  },
  {
    code: "RL.3.2",
    targets: ["I can retell a story's key events in order.", "I can explain the central message or lesson of a story."],
  },
  {
    code: "RL.3.3",
    targets: [
      "I can describe a character's traits and feelings.",
      "I can explain how a character's actions move the story.",
    ],
  },
  { code: "L.3.1", targets: ["I can use nouns, verbs and adjectives correctly in my writing."] },
];

type DemoItem = { label: string; maxPoints: number; target: number; key?: string };

/**
 * Three common formative assessments over the term, later ones showing growth, and a fourth still open: given on
 * the last Friday, with every class's results in but Emily Chen's (her home shows them as results to enter).
 */
const ASSESSMENTS: { title: string; givenOn: string; growth: number; items: DemoItem[]; isOpen?: boolean }[] = [
  {
    title: "Unit 2 check: main idea and key details",
    givenOn: "2026-09-25",
    growth: 0,
    items: [
      { label: "1. Main idea (choice)", maxPoints: 1, target: 0, key: "B" },
      { label: "2. Main idea (choice)", maxPoints: 1, target: 0, key: "D" },
      { label: "3. Main idea in my words", maxPoints: 2, target: 0 },
      { label: "4. Supporting detail (choice)", maxPoints: 1, target: 1, key: "A" },
      { label: "5. Two key details", maxPoints: 3, target: 1 },
    ],
  },
  {
    title: "Unit 2 check: stories and characters",
    givenOn: "2026-10-16",
    growth: 0.06,
    items: [
      { label: "1. Sequence (choice)", maxPoints: 1, target: 2, key: "C" },
      { label: "2. Retell the story", maxPoints: 3, target: 2 },
      { label: "3. Lesson (choice)", maxPoints: 1, target: 3, key: "A" },
      { label: "4. Explain the lesson", maxPoints: 2, target: 3 },
      { label: "5. Character trait (choice)", maxPoints: 1, target: 4, key: "B" },
      { label: "6. Trait with evidence", maxPoints: 2, target: 4 },
      { label: "7. Character's actions", maxPoints: 3, target: 5 },
    ],
  },
  {
    title: "Unit 2 common assessment",
    givenOn: "2026-11-13",
    growth: 0.12,
    items: [
      { label: "1. Main idea (choice)", maxPoints: 1, target: 0, key: "C" },
      { label: "2. Main idea explained", maxPoints: 2, target: 0 },
      { label: "3. Key details", maxPoints: 3, target: 1 },
      { label: "4. Central message", maxPoints: 3, target: 3 },
      { label: "5. Character (choice)", maxPoints: 1, target: 4, key: "D" },
      { label: "6. Character with evidence", maxPoints: 2, target: 4 },
      { label: "7. Edit the sentences", maxPoints: 4, target: 6 },
    ],
  },
  {
    title: "Unit 3 check: main idea across two texts",
    givenOn: "2026-11-20",
    growth: 0.14,
    isOpen: true,
    items: [
      { label: "1. Main idea of text A (choice)", maxPoints: 1, target: 0, key: "A" },
      { label: "2. Main idea of text B", maxPoints: 2, target: 0 },
      { label: "3. Details both texts share", maxPoints: 3, target: 1 },
    ],
  },
];

/** The demo teacher whose results of the open assessment are still to be entered. */
const TEACHER_STILL_ENTERING = "emily.chen@riverside.example";

/** Of these classes, those the person with this email teaches. */
async function classesTaughtBy(db: Db, classIds: string[], email: string): Promise<Set<string>> {
  const rows = await db
    .select({ classId: classTeachers.classId })
    .from(classTeachers)
    .innerJoin(people, eq(people.id, classTeachers.personId))
    .where(and(inArray(classTeachers.classId, classIds), eq(people.email, email)));
  return new Set(rows.map((row) => row.classId));
}

/** Points from 0 to max given a chance of success, in whole points. */
function earned(faker: Faker, maxPoints: number, chance: number): number {
  let points = 0;
  for (let i = 0; i < maxPoints; i++) if (faker.number.float() < chance) points += 1;
  return points;
}

/**
 * The demo's learning evidence: the Common Core ELA framework, the Grade 3 team's essential standards with
 * targets and a scale, and three common formative assessments with results for every grade 3 student.
 */
export async function seedDemoEvidence(
  db: Db,
  faker: Faker,
  districtId: string,
  roster: DemoRoster,
  cal: DemoCalendar,
): Promise<void> {
  const framework = await importDemoFramework(db, districtId);
  const [team] = await db
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.districtId, districtId), eq(communities.name, "Grade 3 team")));
  if (!team) return;
  const codes = ESSENTIALS.map((e) => e.code);
  const found = await db
    .select({ id: standards.id, code: standards.humanCodingScheme })
    .from(standards)
    .where(and(eq(standards.frameworkId, framework.frameworkId), inArray(standards.humanCodingScheme, codes)));
  const targetIds: string[] = [];
  for (const [position, essential] of ESSENTIALS.entries()) {
    const standard = found.find((s) => s.code === essential.code);
    if (!standard) continue;
    const [row] = await db
      .insert(essentialStandards)
      .values({
        districtId,
        communityId: team.id,
        standardId: standard.id,
        grade: "03",
        unitTitle: "Unit 2: Reading for meaning",
        startsOn: cal.day("2026-09-08"),
        endsOn: cal.day("2026-11-20"),
        rationale: "Needed in every subject next year, and the state test weighs it heavily.",
        scaleLevels: SCALE,
        proficientLevel: 3,
        position,
      })
      .returning({ id: essentialStandards.id });
    for (const [index, statement] of essential.targets.entries()) {
      const [target] = await db
        .insert(learningTargets)
        .values({
          districtId,
          standardId: standard.id,
          communityId: team.id,
          essentialStandardId: row?.id,
          code: `${essential.code}.${String.fromCharCode(97 + index)}`,
          statement,
          position: index,
        })
        .returning({ id: learningTargets.id });
      targetIds.push(target?.id as string);
    }
  }
  const classIds = roster.classesByTeam.get("Grade 3 team") ?? [];
  if (classIds.length === 0 || targetIds.length === 0) return;
  const enrolled = await db
    .select({ classId: classStudents.classId, studentId: classStudents.studentId })
    .from(classStudents)
    .where(inArray(classStudents.classId, classIds));
  // Each student has a steady ability; classes differ a little, so side-by-side comparisons show something.
  const ability = new Map(enrolled.map((e) => [e.studentId, 0.35 + faker.number.float() * 0.55]));
  const classLift = new Map(classIds.map((id, i) => [id, [0.05, -0.06, 0.02, 0.08, -0.03][i % 5] as number]));

  for (const plan of ASSESSMENTS) {
    const [assessment] = await db
      .insert(assessments)
      .values({
        districtId,
        communityId: team.id,
        title: plan.title,
        givenOn: cal.day(plan.givenOn),
        status: plan.isOpen ? "open" : "closed",
      })
      .returning({ id: assessments.id });
    const assessmentId = assessment?.id as string;
    await db.insert(assessmentClasses).values(classIds.map((classId) => ({ districtId, assessmentId, classId })));
    const items = await db
      .insert(assessmentItems)
      .values(
        plan.items.map((item, position) => ({
          districtId,
          assessmentId,
          position,
          label: item.label,
          maxPoints: item.maxPoints,
          correctResponse: item.key ?? null,
        })),
      )
      .returning({ id: assessmentItems.id });
    await db.insert(itemTargets).values(
      plan.items.flatMap((item, i) => {
        const targetId = targetIds[item.target];
        return targetId ? [{ districtId, itemId: items[i]?.id as string, targetId }] : [];
      }),
    );
    const measured = [...new Set(plan.items.map((item) => item.target))].filter((t) => targetIds[t]);
    await db.insert(assessmentTargets).values(
      measured.map((t, position) => {
        const max = plan.items.filter((item) => item.target === t).reduce((sum, item) => sum + item.maxPoints, 0);
        // Levels 2–4 start at 40%, 70% and 100% of the points, each at least a point above the last.
        const cuts: { level: number; minPoints: number }[] = [];
        for (const [i, share] of [0, 0.4, 0.7, 1].entries()) {
          const previous = cuts[i - 1]?.minPoints ?? -1;
          cuts.push({ level: i + 1, minPoints: i === 0 ? 0 : Math.max(previous + 1, Math.round(max * share)) });
        }
        return {
          districtId,
          assessmentId,
          targetId: targetIds[t] as string,
          position,
          maxPoints: max,
          cutScores: cuts,
        };
      }),
    );
    const pending = plan.isOpen ? await classesTaughtBy(db, classIds, TEACHER_STILL_ENTERING) : new Set<string>();
    const sittings = enrolled
      .filter((e) => !pending.has(e.classId))
      .map((e) => {
        const roll = faker.number.float();
        return {
          ...e,
          status: roll < 0.03 ? ("absent" as const) : roll < 0.04 ? ("exempt" as const) : ("completed" as const),
        };
      });
    await db.insert(assessmentSittings).values(sittings.map((s) => ({ districtId, assessmentId, ...s })));
    const scores = sittings
      .filter((s) => s.status === "completed")
      .flatMap((s) =>
        plan.items.map((item, i) => {
          const chance = Math.min(
            0.97,
            (ability.get(s.studentId) ?? 0.5) + (classLift.get(s.classId) ?? 0) + plan.growth,
          );
          const points = earned(faker, item.maxPoints, chance);
          // Wrong answers cluster on one distractor, as they do on real items.
          const distractors = ["A", "B", "C", "D"].filter((choice) => choice !== item.key);
          const wrong = faker.helpers.weightedArrayElement(
            distractors.map((value, d) => ({ weight: [6, 2, 1][d] as number, value })),
          );
          const response = item.key ? (points > 0 ? item.key : wrong) : null;
          return { districtId, assessmentId, itemId: items[i]?.id as string, studentId: s.studentId, points, response };
        }),
      );
    await db.insert(itemScores).values(scores);
    await recomputeTargetResults(db, assessmentId);
  }
}
