import { randomInt } from "node:crypto";
import type { z } from "zod";
import type { AnswersInput, SurveyItem } from "../../../contract/surveys";
import type { Db } from "../../db/client";
import { surveyAnswers, surveyRespondents } from "../../db/schema";
import { conflict } from "../../errors";
import type { Actor } from "../../policy/actor";

type Answer = z.infer<typeof AnswersInput>["answers"][number];
export type AnswerProblem = { pointer: string; detail: string };

/** Problems with a set of answers: every item answered once, at one of its levels, and nothing else. */
export function checkAnswers(items: SurveyItem[], answers: Answer[]): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const item = items.find((i) => i.key === answer.itemKey);
    if (!item) problems.push({ pointer: `/body/answers/${index}/itemKey`, detail: "This round has no such item." });
    else if (seen.has(answer.itemKey))
      problems.push({ pointer: `/body/answers/${index}/itemKey`, detail: "Answer each item once." });
    else if (!item.levels.some((l) => l.level === answer.level))
      problems.push({
        pointer: `/body/answers/${index}/level`,
        detail: `Choose a level from 1 to ${item.levels.length}.`,
      });
    seen.add(answer.itemKey);
  });
  const missing = items.filter((item) => !seen.has(item.key));
  if (missing.length) {
    problems.push({ pointer: "/body/answers", detail: `Answer every item: ${missing.length} not answered.` });
  }
  return problems;
}

/** Shuffles a copy, so not even the order rows are written in follows the order of the items. */
function shuffled<T>(values: T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Records one person's answers. Who answered and what was answered go to two tables that share nothing but the
 * round: the answers carry no person, no time and no submission id, and no audit entry is written, so no route,
 * export or log can tie an answer to its author. A second answer from the same person is refused (409).
 */
export async function answerRound(db: Db, actor: Actor, round: { id: string; districtId: string }, answers: Answer[]) {
  await db.transaction(async (tx) => {
    const recorded = await tx
      .insert(surveyRespondents)
      .values({ districtId: round.districtId, roundId: round.id, personId: actor.personId })
      .onConflictDoNothing()
      .returning({ roundId: surveyRespondents.roundId });
    if (!recorded.length) conflict("You have already answered this round.");
    await tx.insert(surveyAnswers).values(
      shuffled(answers).map((answer) => ({
        districtId: round.districtId,
        roundId: round.id,
        itemKey: answer.itemKey,
        level: answer.level,
      })),
    );
  });
}
