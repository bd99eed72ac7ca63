import type { BuiltInInstrument } from "./built-in";
import { familyPartnership, meetingFeedback } from "./feedback";
import { learningCommunities } from "./learning-communities";
import { plcContinuum } from "./plc-continuum";
import { standardsRubrics } from "./standards-rubrics";

/** Every built-in instrument, in the order the app offers them. */
export const BUILT_IN_INSTRUMENTS: readonly BuiltInInstrument[] = [
  learningCommunities,
  ...standardsRubrics,
  plcContinuum,
  meetingFeedback,
  familyPartnership,
];

/** A built-in instrument by its stable key. */
export function findBuiltInInstrument(key: string): BuiltInInstrument | undefined {
  return BUILT_IN_INSTRUMENTS.find((instrument) => instrument.key === key);
}
