import { useFieldArray } from "react-hook-form";
import { InstrumentInput } from "../../../../contract/surveys";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./Surveys.module.css";
import { useCreateInstrument } from "./surveys.api";

const MAX_ITEMS = 60;

type ItemValues = { section: string; prompt: string; scale: "rubric" | "agreement"; levels: string };
type InstrumentValues = { title: string; description: string; items: ItemValues[] };

const blankItem: ItemValues = { section: "", prompt: "", scale: "agreement", levels: "" };

/** "Label: descriptor" per line, as the contract's levels; a line without a colon is a label alone. */
function levelsFrom(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(":");
      return colon < 0
        ? { label: line, descriptor: "" }
        : { label: line.slice(0, colon).trim(), descriptor: line.slice(colon + 1).trim() };
    });
}

/** A district's own instrument: items grouped in sections, each on the agreement scale or a rubric of its own levels. */
export function InstrumentForm() {
  const create = useCreateInstrument();
  const form = useContractForm<typeof InstrumentInput, InstrumentValues>({
    schema: InstrumentInput,
    defaultValues: { title: "", description: "", items: [blankItem] },
    toInput: (v) => ({
      ...v,
      items: v.items.map((item) => ({
        section: item.section,
        prompt: item.prompt,
        scale: item.scale,
        ...(item.scale === "rubric" ? { levels: levelsFrom(item.levels) } : {}),
      })),
    }),
    messages: {
      title: "Give the instrument a title.",
      ...Object.fromEntries(
        Array.from({ length: MAX_ITEMS }, (_, i) => [
          [`items/${i}/section`, "Name the section."],
          [`items/${i}/prompt`, "Write the item."],
          [`items/${i}/levels`, "Give from 2 to 6 levels, one a line."],
        ]).flat(),
      ),
    },
    check: (v): Record<string, string> =>
      Object.fromEntries(
        v.items.flatMap((item, i) =>
          item.scale === "rubric" && levelsFrom(item.levels).length < 2
            ? [[`items/${i}/levels`, "Give from 2 to 6 levels, one a line."]]
            : [],
        ),
      ),
    onValid: (input) => create.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  const rows = useFieldArray({ control: form.control, name: "items" });
  const items = form.watch("items");
  return (
    <section className="panel" aria-labelledby="instrument-heading">
      <h2 id="instrument-heading">Write an instrument</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <FormAlert tone="success" message={create.data ? `"${create.data.title}" can now be run as a round.` : null} />
        <TextField label="Title" {...form.register("title")} error={form.fieldError("title")} />
        <TextAreaField label="Description (optional)" rows={2} {...form.register("description")} />
        <ol className={styles.items}>
          {rows.fields.map((row, index) => (
            <li key={row.id} className={styles.item}>
              <TextField
                label={`Item ${index + 1}: section`}
                {...form.register(`items.${index}.section`)}
                error={form.fieldError(`items/${index}/section`)}
              />
              <TextField
                label={`Item ${index + 1}: statement`}
                {...form.register(`items.${index}.prompt`)}
                error={form.fieldError(`items/${index}/prompt`)}
              />
              <SelectField label={`Item ${index + 1}: scale`} {...form.register(`items.${index}.scale`)}>
                <option value="agreement">Agreement (strongly disagree to strongly agree)</option>
                <option value="rubric">Rubric (levels of our own)</option>
              </SelectField>
              {items[index]?.scale === "rubric" ? (
                <TextAreaField
                  label={`Item ${index + 1}: levels`}
                  hint="One level a line, lowest first, as “Label: what it looks like”."
                  rows={4}
                  {...form.register(`items.${index}.levels`)}
                  error={form.fieldError(`items/${index}/levels`)}
                />
              ) : null}
              {rows.fields.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => rows.remove(index)}
                >
                  Remove item {index + 1}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={rows.fields.length >= MAX_ITEMS}
            onClick={() => rows.append({ ...blankItem, section: items.at(-1)?.section ?? "" })}
          >
            Add item
          </button>
          <button type="submit" className="button" disabled={create.isPending}>
            Save instrument
          </button>
        </div>
      </form>
    </section>
  );
}
