import { z } from "zod";
import { CycleStage } from "./cycles";

export const ProtocolStep = z.strictObject({
  title: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(1).max(240),
  roles: z.array(z.string().trim().min(1).max(100)).max(10),
  prompts: z.array(z.string().trim().min(1).max(500)).max(20),
});
export type ProtocolStep = z.infer<typeof ProtocolStep>;

export const Protocol = z.object({
  /** "library:<slug>" for the built-in library, or a team copy's id. */
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  steps: z.array(ProtocolStep),
  totalMinutes: z.number().int(),
  basedOn: z.string().nullable(),
  communityId: z.uuid().nullable(),
});
export type Protocol = z.infer<typeof Protocol>;
export const ProtocolList = z.object({ items: z.array(Protocol) });

export const ProtocolInput = z.strictObject({
  basedOn: z.string().max(100).nullable().default(null),
  name: z.string().trim().min(1).max(160),
  purpose: z.string().trim().max(2000).default(""),
  steps: z.array(ProtocolStep).min(1).max(30),
});

export const MEETING_MODES = ["in_person", "virtual", "blended"] as const;
export const MeetingMode = z.enum(MEETING_MODES);
export const MEETING_STATUSES = ["scheduled", "in_progress", "completed", "cancelled"] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const ACTION_ITEM_STATUSES = ["open", "done"] as const;
export const ActionItemStatus = z.enum(ACTION_ITEM_STATUSES);

export const AgendaItem = z.strictObject({
  title: z.string().trim().min(1).max(300),
  minutes: z.number().int().min(1).max(240).nullable().default(null),
});

/** How a meeting repeats: weekly, every N weeks, or monthly on the Nth weekday. */
export const Recurrence = z.strictObject({
  frequency: z.enum(["weekly", "monthly_by_weekday"]),
  interval: z.number().int().min(1).max(12).default(1),
  count: z.number().int().min(2).max(60).optional(),
  until: z.iso.date().optional(),
});
export type Recurrence = z.infer<typeof Recurrence>;

export const MeetingInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Local wall-clock start, e.g. "2026-12-01T15:30", in `timezone`. */
  startsAt: z.iso.datetime({ local: true }),
  timezone: z.string().min(1).max(64).default("UTC"),
  durationMinutes: z.number().int().min(5).max(600),
  mode: MeetingMode.default("in_person"),
  location: z.string().trim().max(300).default(""),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  protocolKey: z.string().max(100).nullable().default(null),
  agenda: z.array(AgendaItem).max(40).default([]),
  recurrence: Recurrence.nullable().default(null),
});

export const MeetingPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  notes: z.string().max(100_000).optional(),
  location: z.string().trim().max(300).optional(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  agenda: z.array(AgendaItem).max(40).optional(),
  status: z.enum(["scheduled", "cancelled"]).optional(),
});

export const MeetingSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: MeetingMode,
  location: z.string(),
  link: z.string().nullable(),
  status: MeetingStatus,
  protocolName: z.string().nullable(),
  recurring: z.boolean(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.object({ items: z.array(MeetingSummary) });

export const ActionItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  title: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: ActionItemStatus,
  meetingId: z.uuid().nullable(),
  createdAt: z.string(),
  isOverdue: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const ActionItemInput = z.strictObject({
  title: z.string().trim().min(1).max(500),
  ownerId: z.uuid().nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
  meetingId: z.uuid().nullable().default(null),
});
export const ActionItemPatch = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueOn: z.iso.date().nullable().optional(),
  status: ActionItemStatus.optional(),
});

export const Decision = z.object({
  id: z.uuid(),
  text: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const DecisionInput = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export const AttendanceInput = z.strictObject({
  entries: z.array(z.strictObject({ personId: z.uuid(), status: AttendanceStatus })).max(500),
});

/** What the actor may do in a meeting: the community's `update` and `contribute`. */
export const MeetingAbilities = z.object({ update: z.boolean(), contribute: z.boolean() });

export const MeetingDetail = MeetingSummary.extend({
  communityName: z.string(),
  timezone: z.string().nullable(),
  agenda: z.array(z.object({ title: z.string(), minutes: z.number().nullable() })),
  notes: z.string(),
  protocol: z
    .object({ key: z.string(), name: z.string(), purpose: z.string(), steps: z.array(ProtocolStep) })
    .nullable(),
  currentStep: z.number().int().nullable(),
  stepStartedAt: z.string().nullable(),
  attendance: z.array(
    z.object({
      personId: z.uuid(),
      displayName: z.string(),
      teamRole: z.string(),
      status: AttendanceStatus.nullable(),
    }),
  ),
  decisions: z.array(Decision),
  /** Open action items of the community from earlier meetings, plus those made in this one. */
  actionItems: z.array(ActionItem),
  previousMeetingId: z.uuid().nullable(),
  nextMeetingId: z.uuid().nullable(),
  /** The improvement cycle this meeting was held for, and the stage its agenda opens on (for the cycle's readers). */
  cycle: z.object({ id: z.uuid(), title: z.string(), stage: CycleStage }).nullable(),
  can: MeetingAbilities,
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const StepInput = z.strictObject({ step: z.number().int().min(0).max(29) });

export const CalendarFeed = z.object({ url: z.string() });
