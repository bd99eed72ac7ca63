import { type InterventionKind, planDateProblems } from "../../../../contract/interventions";
import type { ChosenPerson } from "../communities/PersonPicker";
import type { StudentChoice } from "./GroupStudentsField";
import { usualTier } from "./KindTierFields";

/** A number field's text as the API wants it: empty is null. */
export const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** An ISO day `days` after `day`, counted at noon UTC so no time zone moves it. */
export function daysFrom(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A new plan's or group's first dates: starting today, reviewed in four weeks, the goal in eight. */
export function firstDates(today: string) {
  return { startDate: today, reviewDate: daysFrom(today, 28), goalDate: daysFrom(today, 56) };
}

/** A new plan's or group's fields as people fill them in: numbers as typed, the deliverer as chosen. */
export type PlanFormValues = {
  /** Only a single student's plan names its team; a group belongs to the community it is started in. */
  communityId: string;
  /** Only a group has a name. */
  name: string;
  kind: InterventionKind;
  tier: string;
  focus: string;
  strategyResourceId: string;
  strategy: string;
  deliverer: ChosenPerson | null;
  minutesPerSession: string;
  daysPerWeek: string;
  schedule: string;
  startDate: string;
  reviewDate: string;
  goalDate: string;
  measure: string;
  baseline: string;
  goal: string;
  /** Only a group has students, each with a baseline of their own. */
  students: StudentChoice[];
};

/** A new plan's or group's values: thirty minutes three days a week, from today, at the kind's usual tier. */
export function newPlanValues(today: string, start: Partial<PlanFormValues> & { kind: InterventionKind }) {
  const values: PlanFormValues = {
    communityId: "",
    name: "",
    tier: usualTier(start.kind),
    focus: "",
    strategyResourceId: "",
    strategy: "",
    deliverer: null,
    minutesPerSession: "30",
    daysPerWeek: "3",
    schedule: "",
    ...firstDates(today),
    measure: "",
    baseline: "",
    goal: "",
    students: [],
    ...start,
  };
  return values;
}

/** The fields a group and a single plan share, as the request body carries them. */
export function deliveryInput(values: PlanFormValues) {
  return {
    kind: values.kind,
    tier: Number(values.tier),
    focus: values.focus,
    strategyResourceId: values.strategyResourceId || null,
    strategy: values.strategy,
    deliveredById: values.deliverer?.id ?? null,
    minutesPerSession: numberOrNull(values.minutesPerSession),
    daysPerWeek: numberOrNull(values.daysPerWeek),
    schedule: values.schedule,
    startDate: values.startDate,
    reviewDate: values.reviewDate,
    goalDate: values.goalDate,
    measure: values.measure,
    baseline: numberOrNull(values.baseline),
    goal: numberOrNull(values.goal),
  };
}

/** The contract's rule between dates, as messages by field path. */
export function dateMessages(values: PlanFormValues): Record<string, string> {
  return Object.fromEntries(planDateProblems(values).map((problem) => [problem.pointer.slice(1), problem.detail]));
}

/** A stored number as the text of its field: empty for none. */
export const textOfNumber = (value: number | null) => (value === null ? "" : String(value));
