import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { districts } from "../../db/schema";
import { importOneRoster } from "../../features/rosters/import-oneroster";
import { generatedCalendar } from "./generated-calendar";
import { planRoster } from "./plan-roster";
import { type EvidenceCounts, seedGeneratedEvidence } from "./seed-evidence";
import { type InterventionCounts, seedGeneratedInterventions } from "./seed-interventions";
import { writeOneRosterSet } from "./write-oneroster";

export type GenerateOptions = {
  students: number;
  slug: string;
  name?: string;
  /** About 200 at 50,000 students: scaled with the district. */
  assessments?: number;
  seed?: number;
  /** The district's "today" (YYYY-MM-DD): its school year and data are moved by whole weeks to end there. */
  asOf?: string;
  log?: (line: string) => void;
};

export type GeneratedDistrict = {
  districtId: string;
  roster: Record<string, number>;
  rosterSeconds: number;
  evidence: EvidenceCounts;
  evidenceSeconds: number;
  interventions: InterventionCounts;
};

/**
 * Builds a large district deterministically: the roster is written as a OneRoster 1.1 bulk set and imported
 * through the real importer, then the learning evidence is generated in the database.
 */
export async function generateDistrict(database: Database, options: GenerateOptions): Promise<GeneratedDistrict> {
  const { db, pool } = database;
  const log = options.log ?? (() => {});
  const existing = await db.select({ id: districts.id }).from(districts).where(eq(districts.slug, options.slug));
  if (existing.length > 0) throw new Error(`A district with the slug "${options.slug}" already exists.`);
  const [district] = await db
    .insert(districts)
    .values({ slug: options.slug, name: options.name ?? `Generated district (${options.students} students)` })
    .returning({ id: districts.id });
  if (!district) throw new Error("district insert returned nothing");

  const calendar = generatedCalendar(options.asOf);
  const plan = planRoster({
    calendar,
    studentCount: options.students,
    seed: options.seed,
    emailDomain: `${options.slug}.example`,
  });
  const folder = mkdtempSync(path.join(os.tmpdir(), "collective-roster-"));
  try {
    writeOneRosterSet(plan, folder);
    log(
      `Importing the roster: ${plan.students.length} students, ${plan.teachers.length} teachers, ${plan.classes.length} classes…`,
    );
    const started = performance.now();
    const result = await importOneRoster(pool, { districtId: district.id, source: folder });
    if (result.status !== "succeeded") {
      throw new Error(`The generated roster did not import: ${JSON.stringify(result.problems.slice(0, 5))}`);
    }
    const rosterSeconds = (performance.now() - started) / 1000;
    const assessments = options.assessments ?? Math.max(2, Math.round((options.students / 50_000) * 200));
    log(`Generating ${assessments} assessments with their results…`);
    const evidenceStarted = performance.now();
    const evidence = await seedGeneratedEvidence(db, district.id, {
      assessments,
      firstAssessmentOn: calendar.day("2026-09-14"),
      onProgress: (done, total) => {
        if (done % 10 === 0 || done === total) log(`  ${done}/${total} assessments`);
      },
    });
    const evidenceSeconds = (performance.now() - evidenceStarted) / 1000;
    log("Generating intervention plans, progress scores and sessions…");
    const interventions = await seedGeneratedInterventions(db, district.id, { asOf: calendar.asOf });
    // Fresh statistics, as autovacuum would gather in time: the planner needs them at this size.
    await db.execute(sql`analyze`);
    return {
      districtId: district.id,
      roster: Object.fromEntries(Object.entries(result.counts).map(([entity, c]) => [entity, c.created + c.updated])),
      rosterSeconds,
      evidence,
      evidenceSeconds,
      interventions,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
