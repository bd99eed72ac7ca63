import type { Round, RoundSummary } from "../../../contract/surveys";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import type { RoundRow } from "./surveys.queries";

/** Upcoming before it opens, open through its closing day, closed after; in the district's days. */
export function roundStatus(round: Pick<RoundRow, "opensOn" | "closesOn">, today: string): RoundSummary["status"] {
  if (today < round.opensOn) return "upcoming";
  return today > round.closesOn ? "closed" : "open";
}

/** Who a round asks, as lists name it: a meeting's feedback is named by the meeting. */
export function audienceOf(round: RoundRow): RoundSummary["audience"] {
  if (round.meeting)
    return { kind: "meeting", id: round.meeting.id, name: `${round.audienceName}: ${round.meeting.title}` };
  if (round.community) return { kind: "team", id: round.community.id, name: round.audienceName };
  return { kind: round.forFamilies ? "families" : "school", id: round.schoolId as string, name: round.audienceName };
}

/** A round as lists show it: status, completion counts, whether the reader answered, and what they may do. */
export function presentRoundSummary(actor: Actor, round: RoundRow, hasAnswered: boolean, today: string): RoundSummary {
  const status = roundStatus(round, today);
  return {
    id: round.id,
    instrumentRef: round.instrumentRef,
    title: round.title,
    audience: audienceOf(round),
    termLabel: round.termLabel,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status,
    answered: round.answered,
    expected: round.expected,
    hasAnswered,
    can: {
      answer: status === "open" && !hasAnswered && can(actor, "surveyRound.answer", round),
      addToAgenda: can(actor, "surveyRound.addToAgenda", round),
    },
  };
}

/** A round with its items, for the answer form and the results page. */
export function presentRound(actor: Actor, round: RoundRow, hasAnswered: boolean, today: string): Round {
  return { ...presentRoundSummary(actor, round, hasAnswered, today), items: round.items };
}
