import { randomBytes } from "node:crypto";
import { CYCLE_STAGES, type CycleStatus } from "../../contract/cycles";
import type { EvidenceLevel } from "../../contract/library";
import type { Db } from "../db/client";
import {
  classroomVisits,
  cycleLearningLog,
  cycleStages,
  cycleStrategies,
  cycles,
  resources,
  visitVisitors,
} from "../db/schema";

/** A cycle of a team with its seven stages, inserted directly (the cycle core builds them through its routes). */
export async function buildCycle(
  db: Db,
  team: { districtId: string; communityId: string },
  options: { title?: string; status?: CycleStatus; createdById?: string } = {},
) {
  const [row] = await db
    .insert(cycles)
    .values({
      districtId: team.districtId,
      communityId: team.communityId,
      title: options.title ?? `Cycle ${randomBytes(3).toString("hex")}`,
      startsOn: "2030-01-06",
      status: options.status ?? "active",
      createdById: options.createdById ?? null,
      ...(options.status === "finished" ? { finishedAt: new Date("2030-03-01T00:00:00Z") } : {}),
    })
    .returning();
  if (!row) throw new Error("no cycle");
  await db
    .insert(cycleStages)
    .values(CYCLE_STAGES.map((stage) => ({ districtId: team.districtId, cycleId: row.id, stage })));
  return row;
}

/** A library strategy shared with the whole district, with its stated evidence. */
export async function buildStrategy(
  db: Db,
  districtId: string,
  options: { title?: string; evidenceLevel?: EvidenceLevel; createdById?: string } = {},
) {
  const [row] = await db
    .insert(resources)
    .values({
      districtId,
      kind: "strategy",
      scope: "district",
      title: options.title ?? "Retrieval practice",
      description: "Short low-stakes quizzes that make students recall what they learned.",
      evidenceLevel: options.evidenceLevel ?? "strong",
      evidenceSource: "What Works Clearinghouse practice guide",
      createdById: options.createdById ?? null,
    })
    .returning();
  if (!row) throw new Error("no strategy");
  return row;
}

/** Marks a strategy as chosen by a cycle. */
export async function chooseStrategyFor(db: Db, cycle: { districtId: string; id: string }, resourceId: string) {
  await db.insert(cycleStrategies).values({ districtId: cycle.districtId, cycleId: cycle.id, resourceId });
}

/** A classroom visit hosted by `hostId` with the given visitors. */
export async function buildVisitWith(db: Db, districtId: string, hostId: string, visitorIds: string[]) {
  const [visit] = await db
    .insert(classroomVisits)
    .values({ districtId, hostId, focus: "Exit tickets in pairs", status: "scheduled" })
    .returning();
  if (!visit) throw new Error("no visit");
  for (const visitorId of visitorIds)
    await db.insert(visitVisitors).values({ districtId, visitId: visit.id, visitorId });
  return visit;
}

/** A learning-log entry of `personId` in a cycle. */
export async function buildLearningEntry(db: Db, cycle: { districtId: string; id: string }, personId: string) {
  const [row] = await db
    .insert(cycleLearningLog)
    .values({
      districtId: cycle.districtId,
      cycleId: cycle.id,
      personId,
      kind: "text_study",
      description: "Read a chapter on feedback",
      minutes: 45,
      learnedOn: "2030-01-10",
    })
    .returning();
  if (!row) throw new Error("no entry");
  return row;
}
