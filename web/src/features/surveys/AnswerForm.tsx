import { AnswersInput, type Round } from "../../../../contract/surveys";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./Surveys.module.css";
import { useAnswerRound } from "./surveys.api";

type AnswerValues = { levels: (string | null)[] };

/** The form's own words, for a form shown in another language (the family pages). */
type AnswerFormText = { heading: string; anonymity: string; chooseOne: string; submit: string };

/** An item in the reader's language: its translation when it has one, else as written. */
function wordsOf(item: Round["items"][number], language: string) {
  const translation = item.translations?.[language];
  if (!translation) return { section: item.section, prompt: item.prompt, levels: item.levels };
  return {
    section: translation.section,
    prompt: translation.prompt,
    levels: item.levels.map((level, index) => ({ ...level, ...translation.levels[index] })),
  };
}

/**
 * One person's anonymous answers: each item as a radio group whose choices carry their level's descriptor. A
 * family answers in their language (`language` picks each item's translation and `text` the form's words).
 */
export function AnswerForm({
  round,
  language = "en",
  text,
}: {
  round: Round;
  language?: string;
  text?: AnswerFormText;
}) {
  const words = text ?? {
    heading: `Your answers (open until ${formatDay(round.closesOn)})`,
    anonymity:
      "Your answers are anonymous: they are stored without your name, and the team sees only how many chose each level, once enough people have answered.",
    chooseOne: "Choose one level.",
    submit: "Submit answers",
  };
  const answer = useAnswerRound(round.id);
  const form = useContractForm<typeof AnswersInput, AnswerValues>({
    schema: AnswersInput,
    defaultValues: { levels: round.items.map(() => null) },
    // An item not yet answered is null, which the schema refuses at that item's place.
    toInput: ({ levels }) => ({
      answers: round.items.map((item, index) => ({
        itemKey: item.key,
        level: levels[index] === null || levels[index] === undefined ? null : Number(levels[index]),
      })),
    }),
    messages: Object.fromEntries(round.items.map((_, index) => [`answers/${index}/level`, words.chooseOne])),
    onValid: (input) => answer.mutate(input, { onError: form.showProblem }),
  });
  const levels = form.watch("levels");
  const headingId = `answer-heading-${round.id}`;
  let section = "";

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form" aria-labelledby={headingId}>
      <h2 id={headingId}>{words.heading}</h2>
      <p className="notice notice-info">{words.anonymity}</p>
      <FormAlert message={form.formMessage} />
      {round.items.map((item, index) => {
        const shown = wordsOf(item, language);
        const heading = shown.section !== section ? shown.section : null;
        section = shown.section;
        return (
          <div key={item.key}>
            {heading ? <h3 className={styles.section}>{heading}</h3> : null}
            <RadioGroup
              legend={shown.prompt}
              choices={shown.levels.map((level) => ({
                value: String(level.level),
                label: level.label,
                hint: level.descriptor,
              }))}
              value={levels[index] ?? null}
              onChange={(value) => form.setValue(`levels.${index}`, value)}
              error={form.fieldError(`answers/${index}/level`)}
            />
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="button" disabled={answer.isPending}>
          {words.submit}
        </button>
      </div>
    </form>
  );
}
