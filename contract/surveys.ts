import { z } from "zod";

/**
 * Self-assessment surveys: an instrument (built in, or written by the district's leaders) is run as a round for
 * a team or a school; members answer on their own, and only counts come back, never who said what. The same
 * engine asks a team for feedback on one of its meetings, and a school's families about their partnership.
 */
export const SURVEY_AUDIENCES = ["team", "school", "meeting", "families"] as const;
export const SurveyAudienceKind = z.enum(SURVEY_AUDIENCES);

/** A rubric describes each level in words; an agreement item runs from "strongly disagree" to "strongly agree". */
export const SURVEY_SCALES = ["rubric", "agreement"] as const;
export const SurveyScale = z.enum(SURVEY_SCALES);

export const ROUND_STATUSES = ["upcoming", "open", "closed"] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);

export const SurveyLevel = z.object({ level: z.number().int(), label: z.string(), descriptor: z.string() });
export type SurveyLevel = z.infer<typeof SurveyLevel>;

/** An item's words in another language (a family survey's Spanish), levels in the same order. */
export const SurveyItemWords = z.object({
  section: z.string(),
  prompt: z.string(),
  levels: z.array(z.object({ label: z.string(), descriptor: z.string() })),
});
export type SurveyItemWords = z.infer<typeof SurveyItemWords>;

/** One item of an instrument, with its levels 1..N (N from 2 to 6). */
export const SurveyItem = z.object({
  key: z.string(),
  section: z.string(),
  prompt: z.string(),
  scale: SurveyScale,
  levels: z.array(SurveyLevel),
  /** The item in other languages, by language code ("es"); English is the item itself. */
  translations: z.record(z.string(), SurveyItemWords).optional(),
});
export type SurveyItem = z.infer<typeof SurveyItem>;

/** Who an instrument is written for: a team's or school's staff, a meeting's participants, a school's families. */
export const INSTRUMENT_AUDIENCES = ["staff", "meeting", "families"] as const;
export const InstrumentAudience = z.enum(INSTRUMENT_AUDIENCES);

export const Instrument = z.object({
  /** A built-in instrument's stable key, or a district instrument's id. */
  ref: z.string(),
  builtIn: z.boolean(),
  audience: InstrumentAudience,
  title: z.string(),
  description: z.string(),
  items: z.array(SurveyItem),
});
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentList = z.object({ items: z.array(Instrument), can: z.object({ create: z.boolean() }) });

const Text = (max: number) => z.string().trim().min(1).max(max);

export const InstrumentItemInput = z.strictObject({
  section: Text(120),
  prompt: Text(500),
  scale: SurveyScale,
  /** Rubric items name and describe each level; agreement items use the standard four-point scale. */
  levels: z
    .array(z.strictObject({ label: Text(60), descriptor: z.string().trim().max(500).default("") }))
    .min(2)
    .max(6)
    .optional(),
});

export const InstrumentInput = z.strictObject({
  title: Text(200),
  description: z.string().trim().max(2000).default(""),
  items: z.array(InstrumentItemInput).min(1).max(60),
});

export const RoundAudience = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("team"), communityId: z.uuid() }),
  z.strictObject({ kind: z.literal("school"), schoolId: z.uuid() }),
  /** The families of the school's students (a family survey). */
  z.strictObject({ kind: z.literal("families"), schoolId: z.uuid() }),
]);

export const RoundInput = z.strictObject({
  instrumentRef: Text(100),
  audience: RoundAudience,
  termLabel: Text(60),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
});

export const RoundSummary = z.object({
  id: z.uuid(),
  instrumentRef: z.string(),
  title: z.string(),
  audience: z.object({ kind: SurveyAudienceKind, id: z.uuid(), name: z.string() }),
  termLabel: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: RoundStatus,
  /** How many have answered and how many may: counts only, never who. */
  answered: z.number().int(),
  expected: z.number().int(),
  hasAnswered: z.boolean(),
  can: z.object({ answer: z.boolean(), addToAgenda: z.boolean() }),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundList = z.object({
  items: z.array(RoundSummary),
  /** Where the reader may open a round. */
  openOptions: z.object({
    communities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  /** Whether the reader may see the overview of rounds by school and team. */
  can: z.object({ readOverview: z.boolean() }),
});

export const Round = RoundSummary.extend({ items: z.array(SurveyItem) });
export type Round = z.infer<typeof Round>;

export const AnswersInput = z.strictObject({
  answers: z
    .array(z.strictObject({ itemKey: Text(100), level: z.number().int().min(1).max(6) }))
    .min(1)
    .max(60),
});

export const AnsweredReceipt = z.object({ answered: z.number().int(), hasAnswered: z.literal(true) });

export const ItemDistribution = z.object({
  key: z.string(),
  section: z.string(),
  prompt: z.string(),
  levels: z.array(z.object({ level: z.number().int(), label: z.string(), count: z.number().int() })),
  /** The mean level, one decimal. */
  mean: z.number(),
});
export type ItemDistribution = z.infer<typeof ItemDistribution>;

/**
 * A round's results: nothing until `answered` reaches `threshold` (`needed` says how many more answers it takes),
 * then each item's distribution over its levels.
 */
export const RoundResults = z.object({
  roundId: z.uuid(),
  answered: z.number().int(),
  threshold: z.number().int(),
  suppressed: z.boolean(),
  needed: z.number().int(),
  items: z.array(ItemDistribution),
});
export type RoundResults = z.infer<typeof RoundResults>;

/** The rounds of the same instrument and audience, oldest first, with each item's mean where shown. */
export const RoundTrend = z.object({
  items: z.array(z.object({ key: z.string(), prompt: z.string(), section: z.string() })),
  rounds: z.array(
    z.object({
      id: z.uuid(),
      termLabel: z.string(),
      opensOn: z.string(),
      answered: z.number().int(),
      suppressed: z.boolean(),
      means: z.record(z.string(), z.number()),
    }),
  ),
});
export type RoundTrend = z.infer<typeof RoundTrend>;

export const AgendaInput = z.strictObject({ itemKey: Text(100) });
export const AgendaAdded = z.object({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  startsAt: z.string(),
  agendaTitle: z.string(),
});

export const OverviewQuery = z.strictObject({ instrumentRef: Text(100).optional() });

/** For leaders: every round they are accountable for, by school and team, with section means (suppressed below the threshold). */
export const SurveyOverview = z.object({
  rows: z.array(
    z.object({
      roundId: z.uuid(),
      title: z.string(),
      termLabel: z.string(),
      audience: z.object({ kind: SurveyAudienceKind, id: z.uuid(), name: z.string() }),
      schoolNames: z.array(z.string()),
      answered: z.number().int(),
      suppressed: z.boolean(),
      sections: z.array(z.object({ section: z.string(), mean: z.number().nullable() })),
    }),
  ),
});
export type SurveyOverview = z.infer<typeof SurveyOverview>;

/** A meeting's feedback round, if the team asked for one, and whether the reader may ask for it. */
export const MeetingFeedback = z.object({
  round: RoundSummary.nullable(),
  can: z.object({ ask: z.boolean() }),
});
export type MeetingFeedback = z.infer<typeof MeetingFeedback>;

/** The family surveys open to a family member: those of their own children's schools. */
export const FamilySurveyList = z.object({ items: z.array(Round) });
export type FamilySurveyList = z.infer<typeof FamilySurveyList>;
