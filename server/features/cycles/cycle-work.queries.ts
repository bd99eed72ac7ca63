import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { CycleStage, ImplementationOutcome, LearningActivityKind } from "../../../contract/cycles";
import type { EvidenceLevel } from "../../../contract/library";
import type { Db } from "../../db/client";
import {
  classes,
  classroomVisits,
  classTeachers,
  cycleImplementations,
  cycleLearningLog,
  cycleMeetings,
  cycleRefinements,
  cycleStrategies,
  cycles,
  cycleVisits,
  meetings,
  people,
  protocols,
  resources,
} from "../../db/schema";
import type { CycleTarget } from "../../policy/rules";

/** A cycle as its work sections need it: what the cycle rules judge, and its title and team. */
export type CycleWorkCycle = CycleTarget & { title: string; communityId: string };

export type LearningEntryRow = {
  id: string;
  personId: string;
  personName: string;
  kind: LearningActivityKind;
  description: string;
  minutes: number;
  learnedOn: string;
  protocolId: string | null;
  protocolName: string | null;
  resourceId: string | null;
  resourceTitle: string | null;
  visitId: string | null;
  visitFocus: string | null;
};

/** The cycle's learning log, newest first, with the titles of what entries link to (the presenter hides some). */
export async function listLearningEntries(db: Db, cycleId: string, entryId?: string): Promise<LearningEntryRow[]> {
  return db
    .select({
      id: cycleLearningLog.id,
      personId: cycleLearningLog.personId,
      personName: people.displayName,
      kind: cycleLearningLog.kind,
      description: cycleLearningLog.description,
      minutes: cycleLearningLog.minutes,
      learnedOn: cycleLearningLog.learnedOn,
      protocolId: cycleLearningLog.protocolId,
      protocolName: protocols.name,
      resourceId: cycleLearningLog.resourceId,
      resourceTitle: resources.title,
      visitId: cycleLearningLog.visitId,
      visitFocus: classroomVisits.focus,
    })
    .from(cycleLearningLog)
    .innerJoin(people, eq(people.id, cycleLearningLog.personId))
    .leftJoin(protocols, eq(protocols.id, cycleLearningLog.protocolId))
    .leftJoin(resources, eq(resources.id, cycleLearningLog.resourceId))
    .leftJoin(classroomVisits, eq(classroomVisits.id, cycleLearningLog.visitId))
    .where(
      and(eq(cycleLearningLog.cycleId, cycleId), entryId === undefined ? undefined : eq(cycleLearningLog.id, entryId)),
    )
    .orderBy(desc(cycleLearningLog.learnedOn), desc(cycleLearningLog.createdAt));
}

/** A protocol's team, for judging whether the actor may link it. */
export async function findProtocolCommunityId(db: Db, protocolId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ communityId: protocols.communityId })
    .from(protocols)
    .where(eq(protocols.id, protocolId));
  return row?.communityId;
}

export type CycleStrategyRow = {
  resourceId: string;
  title: string;
  description: string;
  evidenceLevel: EvidenceLevel | null;
  evidenceSource: string | null;
  chosenById: string | null;
  chosenByName: string | null;
  chosenAt: Date;
};

/** The strategies the cycle chose, in the order they were chosen. */
export async function listCycleStrategies(db: Db, cycleId: string): Promise<CycleStrategyRow[]> {
  return db
    .select({
      resourceId: resources.id,
      title: resources.title,
      description: resources.description,
      evidenceLevel: resources.evidenceLevel,
      evidenceSource: resources.evidenceSource,
      chosenById: cycleStrategies.chosenById,
      chosenByName: people.displayName,
      chosenAt: cycleStrategies.chosenAt,
    })
    .from(cycleStrategies)
    .innerJoin(resources, eq(resources.id, cycleStrategies.resourceId))
    .leftJoin(people, eq(people.id, cycleStrategies.chosenById))
    .where(eq(cycleStrategies.cycleId, cycleId))
    .orderBy(asc(cycleStrategies.chosenAt));
}

export type ImplementationRow = {
  id: string;
  personId: string;
  personName: string;
  resourceId: string | null;
  strategyTitle: string | null;
  classId: string | null;
  classTitle: string | null;
  appliedOn: string;
  outcome: ImplementationOutcome;
  note: string;
};

/** The cycle's logged applications of its strategies, newest first. */
export async function listImplementations(db: Db, cycleId: string): Promise<ImplementationRow[]> {
  return db
    .select({
      id: cycleImplementations.id,
      personId: cycleImplementations.personId,
      personName: people.displayName,
      resourceId: cycleImplementations.resourceId,
      strategyTitle: resources.title,
      classId: cycleImplementations.classId,
      classTitle: classes.title,
      appliedOn: cycleImplementations.appliedOn,
      outcome: cycleImplementations.outcome,
      note: cycleImplementations.note,
    })
    .from(cycleImplementations)
    .innerJoin(people, eq(people.id, cycleImplementations.personId))
    .leftJoin(resources, eq(resources.id, cycleImplementations.resourceId))
    .leftJoin(classes, eq(classes.id, cycleImplementations.classId))
    .where(eq(cycleImplementations.cycleId, cycleId))
    .orderBy(desc(cycleImplementations.appliedOn), desc(cycleImplementations.createdAt));
}

/** One logged application, or undefined. */
export async function findImplementation(db: Db, cycleId: string, id: string) {
  const [row] = await db
    .select({ id: cycleImplementations.id, personId: cycleImplementations.personId })
    .from(cycleImplementations)
    .where(and(eq(cycleImplementations.cycleId, cycleId), eq(cycleImplementations.id, id)));
  return row;
}

/** The classes a person teaches (class_teachers), by title. */
export async function listTaughtClasses(db: Db, personId: string): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: classes.id, title: classes.title })
    .from(classTeachers)
    .innerJoin(classes, eq(classes.id, classTeachers.classId))
    .where(eq(classTeachers.personId, personId))
    .orderBy(asc(classes.title));
}

/** Whether the cycle chose this strategy. */
export async function isCycleStrategy(db: Db, cycleId: string, resourceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cycleStrategies.resourceId })
    .from(cycleStrategies)
    .where(and(eq(cycleStrategies.cycleId, cycleId), eq(cycleStrategies.resourceId, resourceId)));
  return row !== undefined;
}

/** The visits tied to the cycle, latest first (the presenter judges each against the reader). */
export async function listCycleVisitIds(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db
    .select({ visitId: cycleVisits.visitId })
    .from(cycleVisits)
    .innerJoin(classroomVisits, eq(classroomVisits.id, cycleVisits.visitId))
    .where(eq(cycleVisits.cycleId, cycleId))
    .orderBy(desc(sql`coalesce(${classroomVisits.startsAt}, ${classroomVisits.createdAt})`));
  return rows.map((row) => row.visitId);
}

export type RefinementRow = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  change: string;
  reason: string;
  createdAt: Date;
};

/** What the team changed and why, newest first. */
export async function listRefinements(db: Db, cycleId: string): Promise<RefinementRow[]> {
  return db
    .select({
      id: cycleRefinements.id,
      authorId: cycleRefinements.authorId,
      authorName: people.displayName,
      change: cycleRefinements.change,
      reason: cycleRefinements.reason,
      createdAt: cycleRefinements.createdAt,
    })
    .from(cycleRefinements)
    .leftJoin(people, eq(people.id, cycleRefinements.authorId))
    .where(eq(cycleRefinements.cycleId, cycleId))
    .orderBy(desc(cycleRefinements.createdAt));
}

export type CycleMeetingRow = { meetingId: string; title: string; startsAt: Date; stage: CycleStage };

/** The meetings tied to the cycle, by date. */
export async function listCycleMeetings(db: Db, cycleId: string): Promise<CycleMeetingRow[]> {
  return db
    .select({ meetingId: meetings.id, title: meetings.title, startsAt: meetings.startsAt, stage: cycleMeetings.stage })
    .from(cycleMeetings)
    .innerJoin(meetings, eq(meetings.id, cycleMeetings.meetingId))
    .where(eq(cycleMeetings.cycleId, cycleId))
    .orderBy(asc(meetings.startsAt));
}

/** The team's meetings, most recent first (at most 100), from which one is tied to the cycle. */
export async function listTeamMeetings(db: Db, communityId: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.communityId, communityId))
    .orderBy(desc(meetings.startsAt))
    .limit(100);
}

/** A meeting's team, or undefined. */
export async function findMeetingCommunityId(db: Db, meetingId: string): Promise<string | undefined> {
  const [row] = await db.select({ communityId: meetings.communityId }).from(meetings).where(eq(meetings.id, meetingId));
  return row?.communityId;
}

/** The cycle a meeting was held for (the latest tie), with its stage, or undefined. */
export async function findMeetingCycle(db: Db, meetingId: string) {
  const [row] = await db
    .select({ id: cycles.id, title: cycles.title, stage: cycleMeetings.stage })
    .from(cycleMeetings)
    .innerJoin(cycles, eq(cycles.id, cycleMeetings.cycleId))
    .where(eq(cycleMeetings.meetingId, meetingId))
    .orderBy(desc(cycles.startsOn))
    .limit(1);
  return row;
}
