import type {
  CycleMeetingList,
  CycleStrategyList,
  CycleVisit,
  CycleWorkAbilities,
  ImplementationList,
  LearningLog,
  RefinementList,
} from "../../../contract/cycle-work";
import { IMPLEMENTATION_OUTCOMES, type ImplementationOutcome } from "../../../contract/cycles";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { type VisitRow, visitTarget } from "../visits/visits.queries";
import type {
  CycleMeetingRow,
  CycleStrategyRow,
  CycleWorkCycle,
  ImplementationRow,
  LearningEntryRow,
  RefinementRow,
} from "./cycle-work.queries";

/** What the actor may do in the cycle's work sections. */
export function cycleWorkAbilities(actor: Actor, cycle: CycleWorkCycle): CycleWorkAbilities {
  return { contribute: can(actor, "cycle.contribute", cycle), manage: can(actor, "cycle.manage", cycle) };
}

/** Adds one row to a running total keyed by `key`. */
function tally<T>(
  totals: Map<string, T & { minutes: number; entries: number }>,
  key: string,
  seed: T,
  minutes: number,
) {
  const total = totals.get(key) ?? { ...seed, minutes: 0, entries: 0 };
  total.minutes += minutes;
  total.entries += 1;
  totals.set(key, total);
}

/** The learning log with totals per person and per kind; a linked item's title only for those who may open it. */
export function presentLearningLog(
  actor: Actor,
  cycle: CycleWorkCycle,
  rows: LearningEntryRow[],
  readableLinks: Set<string>,
): LearningLog {
  const link = (id: string | null, title: string | null) =>
    id ? { id, title: readableLinks.has(id) ? (title ?? "") : null } : null;
  const contributes = can(actor, "cycle.contribute", cycle);
  const byPerson = new Map<string, { person: { id: string; name: string }; minutes: number; entries: number }>();
  const byKind = new Map<string, { kind: LearningEntryRow["kind"]; minutes: number; entries: number }>();
  for (const row of rows) {
    tally(byPerson, row.personId, { person: { id: row.personId, name: row.personName } }, row.minutes);
    tally(byKind, row.kind, { kind: row.kind }, row.minutes);
  }
  return {
    entries: rows.map((row) => {
      const own = contributes && row.personId === actor.personId;
      return {
        id: row.id,
        person: { id: row.personId, name: row.personName },
        kind: row.kind,
        description: row.description,
        minutes: row.minutes,
        learnedOn: row.learnedOn,
        protocol: link(row.protocolId, row.protocolName),
        resource: link(row.resourceId, row.resourceTitle),
        visit: link(row.visitId, row.visitFocus),
        can: { update: own, delete: own },
      };
    }),
    totalMinutes: rows.reduce((sum, row) => sum + row.minutes, 0),
    byPerson: [...byPerson.values()].sort(
      (a, b) => b.minutes - a.minutes || a.person.name.localeCompare(b.person.name),
    ),
    byKind: [...byKind.values()].sort((a, b) => b.minutes - a.minutes),
    can: cycleWorkAbilities(actor, cycle),
  };
}

/** The cycle's strategies with their evidence. */
export function presentStrategies(actor: Actor, cycle: CycleWorkCycle, rows: CycleStrategyRow[]): CycleStrategyList {
  return {
    items: rows.map((row) => ({
      resource: {
        id: row.resourceId,
        title: row.title,
        description: row.description,
        evidenceLevel: row.evidenceLevel,
        evidenceSource: row.evidenceSource,
      },
      chosenBy: row.chosenById ? { id: row.chosenById, name: row.chosenByName ?? "" } : null,
      chosenAt: row.chosenAt.toISOString(),
    })),
    can: cycleWorkAbilities(actor, cycle),
  };
}

type OutcomeCounts = { applications: number } & Record<ImplementationOutcome, number>;

function countOutcomes<T>(rows: ImplementationRow[], keyOf: (row: ImplementationRow) => [string, T] | null) {
  const totals = new Map<string, T & OutcomeCounts>();
  for (const row of rows) {
    const keyed = keyOf(row);
    if (!keyed) continue;
    const [key, seed] = keyed;
    const empty = Object.fromEntries(IMPLEMENTATION_OUTCOMES.map((o) => [o, 0])) as Record<
      ImplementationOutcome,
      number
    >;
    const total = totals.get(key) ?? { ...seed, applications: 0, ...empty };
    total.applications += 1;
    total[row.outcome] += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.applications - a.applications);
}

/** Applications of the strategies, summed by strategy and by member, with the classes the reader may log for. */
export function presentImplementations(
  actor: Actor,
  cycle: CycleWorkCycle,
  rows: ImplementationRow[],
  myClasses: { id: string; title: string }[],
): ImplementationList {
  const contributes = can(actor, "cycle.contribute", cycle);
  return {
    items: rows.map((row) => ({
      id: row.id,
      person: { id: row.personId, name: row.personName },
      strategy: row.resourceId ? { id: row.resourceId, title: row.strategyTitle ?? "" } : null,
      class: row.classId ? { id: row.classId, title: row.classTitle ?? "" } : null,
      appliedOn: row.appliedOn,
      outcome: row.outcome,
      note: row.note,
      can: { delete: contributes && row.personId === actor.personId },
    })),
    byStrategy: countOutcomes(rows, (row) =>
      row.resourceId ? [row.resourceId, { strategy: { id: row.resourceId, title: row.strategyTitle ?? "" } }] : null,
    ),
    byMember: countOutcomes(rows, (row) => [row.personId, { person: { id: row.personId, name: row.personName } }]),
    myClasses: contributes ? myClasses : [],
    can: cycleWorkAbilities(actor, cycle),
  };
}

/** A tied visit: its status and date for every cycle reader; its host and focus only for those who may read it. */
export function presentCycleVisit(actor: Actor, visit: VisitRow): CycleVisit {
  const readable = can(actor, "visit.read", visitTarget(visit));
  return {
    id: visit.id,
    status: visit.status,
    startsAt: visit.startsAt,
    host: readable ? visit.host : null,
    focus: readable ? visit.focus : null,
    readable,
  };
}

/** What the team changed, newest first. */
export function presentRefinements(actor: Actor, cycle: CycleWorkCycle, rows: RefinementRow[]): RefinementList {
  return {
    items: rows.map((row) => ({
      id: row.id,
      author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
      change: row.change,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
    can: cycleWorkAbilities(actor, cycle),
  };
}

/** The meetings held for the cycle's stages, and the team's other meetings that can be tied. */
export function presentCycleMeetings(
  actor: Actor,
  cycle: CycleWorkCycle,
  rows: CycleMeetingRow[],
  teamMeetings: { id: string; title: string; startsAt: Date }[],
): CycleMeetingList {
  const tied = new Set(rows.map((row) => row.meetingId));
  return {
    items: rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() })),
    available: teamMeetings
      .filter((m) => !tied.has(m.id))
      .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() })),
    can: cycleWorkAbilities(actor, cycle),
  };
}
