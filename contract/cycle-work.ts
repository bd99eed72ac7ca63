import { z } from "zod";
import { CycleAbilities, CycleStage, ImplementationOutcome, LearningActivityKind } from "./cycles";
import { EvidenceLevel } from "./library";
import { VisitStatus } from "./visits";

/** The work inside a cycle: the learning log, strategies, implementation, refinements, meeting and visit ties. */

/** The stages, as a team names them. */
export const CYCLE_STAGE_LABELS: Record<CycleStage, string> = {
  learning_needs: "Learning needs",
  shared_goals: "Shared goals",
  professional_learning: "Professional learning",
  strategies: "Strategies",
  implementation: "Implementation",
  monitoring: "Monitoring",
  evaluation: "Evaluation",
};

export const LEARNING_ACTIVITY_LABELS: Record<LearningActivityKind, string> = {
  text_study: "Text study",
  coaching: "Coaching",
  classroom_visit: "Classroom visit",
  course: "Course",
  workshop: "Workshop",
  other: "Other",
};

export const IMPLEMENTATION_OUTCOME_LABELS: Record<ImplementationOutcome, string> = {
  went_well: "Went well",
  mixed: "Mixed",
  did_not_work: "Did not work",
};

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const CycleParams = z.strictObject({ cycleId: z.uuid() });
export const CycleEntryParams = z.strictObject({ cycleId: z.uuid(), entryId: z.uuid() });
export const CycleResourceParams = z.strictObject({ cycleId: z.uuid(), resourceId: z.uuid() });
export const CycleVisitParams = z.strictObject({ cycleId: z.uuid(), visitId: z.uuid() });
export const CycleMeetingParams = z.strictObject({ cycleId: z.uuid(), meetingId: z.uuid() });

/** What the actor may do in a cycle's work sections. */
/** The cycle's own abilities (contract/cycles.ts), which every section of its work reads. */
export const CycleWorkAbilities = CycleAbilities;
export type CycleWorkAbilities = CycleAbilities;

// --- Professional learning log (stage 3)

export const LearningEntryInput = z.strictObject({
  kind: LearningActivityKind,
  description: z.string().trim().min(1, "Say what you learned.").max(2000),
  minutes: z.coerce
    .number({ error: "Enter the minutes spent." })
    .int("Whole minutes only.")
    .min(1, "At least one minute.")
    .max(6000),
  learnedOn: z.iso.date({ error: "Enter the day." }),
  protocolId: z.uuid().nullable().default(null),
  resourceId: z.uuid().nullable().default(null),
  visitId: z.uuid().nullable().default(null),
});
export type LearningEntryInput = z.input<typeof LearningEntryInput>;

export const LearningEntryPatch = z.strictObject({
  kind: LearningActivityKind.optional(),
  description: LearningEntryInput.shape.description.optional(),
  minutes: LearningEntryInput.shape.minutes.optional(),
  learnedOn: LearningEntryInput.shape.learnedOn.optional(),
  protocolId: z.uuid().nullable().optional(),
  resourceId: z.uuid().nullable().optional(),
  visitId: z.uuid().nullable().optional(),
});
export type LearningEntryPatch = z.infer<typeof LearningEntryPatch>;

/** A linked item; its title is null for a reader who may not open it. */
const LinkRef = z.object({ id: z.uuid(), title: z.string().nullable() });

export const LearningEntry = z.object({
  id: z.uuid(),
  person: PersonRef,
  kind: LearningActivityKind,
  description: z.string(),
  minutes: z.number().int(),
  learnedOn: z.string(),
  protocol: LinkRef.nullable(),
  resource: LinkRef.nullable(),
  visit: LinkRef.nullable(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type LearningEntry = z.infer<typeof LearningEntry>;

export const LearningLog = z.object({
  entries: z.array(LearningEntry),
  totalMinutes: z.number().int(),
  byPerson: z.array(z.object({ person: PersonRef, minutes: z.number().int(), entries: z.number().int() })),
  byKind: z.array(z.object({ kind: LearningActivityKind, minutes: z.number().int(), entries: z.number().int() })),
  can: CycleWorkAbilities,
});
export type LearningLog = z.infer<typeof LearningLog>;

// --- Strategies (stage 4)

export const CycleStrategy = z.object({
  resource: z.object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    evidenceLevel: EvidenceLevel.nullable(),
    evidenceSource: z.string().nullable(),
  }),
  chosenBy: PersonRef.nullable(),
  chosenAt: z.string(),
});
export type CycleStrategy = z.infer<typeof CycleStrategy>;

export const CycleStrategyList = z.object({ items: z.array(CycleStrategy), can: CycleWorkAbilities });
export type CycleStrategyList = z.infer<typeof CycleStrategyList>;

// --- Implementation with support (stage 5)

export const ImplementationInput = z.strictObject({
  resourceId: z.uuid({ error: "Choose one of the cycle's strategies." }),
  classId: z.uuid({ error: "Choose one of your classes." }),
  appliedOn: z.iso.date({ error: "Enter the day." }),
  outcome: ImplementationOutcome,
  note: z.string().trim().max(2000).default(""),
});
export type ImplementationInput = z.input<typeof ImplementationInput>;

export const Implementation = z.object({
  id: z.uuid(),
  person: PersonRef,
  strategy: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  class: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  appliedOn: z.string(),
  outcome: ImplementationOutcome,
  note: z.string(),
  can: z.object({ delete: z.boolean() }),
});
export type Implementation = z.infer<typeof Implementation>;

const OutcomeCounts = z.object({
  applications: z.number().int(),
  went_well: z.number().int(),
  mixed: z.number().int(),
  did_not_work: z.number().int(),
});

export const ImplementationList = z.object({
  items: z.array(Implementation),
  byStrategy: z.array(OutcomeCounts.extend({ strategy: z.object({ id: z.uuid(), title: z.string() }) })),
  byMember: z.array(OutcomeCounts.extend({ person: PersonRef })),
  /** The classes the reader teaches: the ones they may log an application with. */
  myClasses: z.array(z.object({ id: z.uuid(), title: z.string() })),
  can: CycleWorkAbilities,
});
export type ImplementationList = z.infer<typeof ImplementationList>;

/** A classroom visit or coaching tied to the cycle; its focus only for those who may read the visit. */
export const CycleVisit = z.object({
  id: z.uuid(),
  status: VisitStatus,
  startsAt: z.string().nullable(),
  host: PersonRef.nullable(),
  focus: z.string().nullable(),
  readable: z.boolean(),
});
export type CycleVisit = z.infer<typeof CycleVisit>;

export const CycleVisitList = z.object({ items: z.array(CycleVisit), can: CycleWorkAbilities });
export type CycleVisitList = z.infer<typeof CycleVisitList>;

// --- Refinements (stage 6)

export const RefinementInput = z.strictObject({
  change: z.string().trim().min(1, "Say what the team changed.").max(2000),
  reason: z.string().trim().min(1, "Say why.").max(2000),
});
export type RefinementInput = z.infer<typeof RefinementInput>;

export const Refinement = z.object({
  id: z.uuid(),
  author: PersonRef.nullable(),
  change: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export type Refinement = z.infer<typeof Refinement>;

export const RefinementList = z.object({ items: z.array(Refinement), can: CycleWorkAbilities });
export type RefinementList = z.infer<typeof RefinementList>;

// --- Meetings tied to a stage

export const CycleMeetingInput = z.strictObject({ stage: CycleStage });

export const CycleMeeting = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  stage: CycleStage,
});
export type CycleMeeting = z.infer<typeof CycleMeeting>;

export const CycleMeetingList = z.object({
  items: z.array(CycleMeeting),
  /** The team's meetings not yet tied to this cycle: the ones that can be tied. */
  available: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() })),
  can: CycleWorkAbilities,
});
export type CycleMeetingList = z.infer<typeof CycleMeetingList>;
