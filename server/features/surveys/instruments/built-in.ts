import type { SurveyItem, SurveyLevel } from "../../../../contract/surveys";

/** A built-in instrument as written in code: its stable key, and items whose keys never change once released. */
export type BuiltInInstrument = {
  key: string;
  title: string;
  description: string;
  /** Who it is written for when not a team or a school's staff: a meeting's participants, a school's families. */
  audience?: "meeting" | "families";
  items: SurveyItem[];
};

/** The four-point agreement scale every agreement item uses. */
export const AGREEMENT_LEVELS: SurveyLevel[] = [
  { level: 1, label: "Strongly disagree", descriptor: "This does not describe us." },
  { level: 2, label: "Disagree", descriptor: "This describes us now and then." },
  { level: 3, label: "Agree", descriptor: "This describes us most of the time." },
  { level: 4, label: "Strongly agree", descriptor: "This describes us reliably." },
];

/** Numbers a list of [label, descriptor] pairs as levels 1..N. */
export function levelsOf(pairs: readonly (readonly [string, string])[]): SurveyLevel[] {
  return pairs.map(([label, descriptor], index) => ({ level: index + 1, label, descriptor }));
}

/** An agreement item of a section. */
export function agreementItem(key: string, section: string, prompt: string): SurveyItem {
  return { key, section, prompt, scale: "agreement", levels: AGREEMENT_LEVELS };
}

/** A rubric item whose levels each say, in words, what practice at that level looks like. */
export function rubricItem(
  key: string,
  section: string,
  prompt: string,
  levels: readonly (readonly [string, string])[],
): SurveyItem {
  return { key, section, prompt, scale: "rubric", levels: levelsOf(levels) };
}
