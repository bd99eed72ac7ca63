import { AnswersInput, type Round } from "../../../../contract/surveys";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./Surveys.module.css";
import { useAnswerRound } from "./surveys.api";

type AnswerValues = { levels: (string | null)[] };

/** One person's anonymous answers: each item as a radio group whose choices carry their level's descriptor. */
export function AnswerForm({ round }: { round: Round }) {
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
    messages: Object.fromEntries(round.items.map((_, index) => [`answers/${index}/level`, "Choose one level."])),
    onValid: (input) => answer.mutate(input, { onError: form.showProblem }),
  });
  const levels = form.watch("levels");
  let section = "";

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answers (open until {formatDay(round.closesOn)})</h2>
      <p className="notice notice-info">
        Your answers are anonymous: they are stored without your name, and the team sees only how many chose each level,
        once enough people have answered.
      </p>
      <FormAlert message={form.formMessage} />
      {round.items.map((item, index) => {
        const heading = item.section !== section ? item.section : null;
        section = item.section;
        return (
          <div key={item.key}>
            {heading ? <h3 className={styles.section}>{heading}</h3> : null}
            <RadioGroup
              legend={item.prompt}
              choices={item.levels.map((level) => ({
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
          Submit answers
        </button>
      </div>
    </form>
  );
}
