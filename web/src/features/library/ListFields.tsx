import { TextField } from "../../components/Field";
import { splitList } from "./library-search";

export type ListTexts = { tags: string; gradeLevels: string; subjects: string };

/** The three comma-separated lists as arrays, ready for the contract schema. */
export function listValues(texts: ListTexts) {
  return {
    tags: splitList(texts.tags).map((tag) => tag.toLowerCase()),
    gradeLevels: splitList(texts.gradeLevels).map((grade) => grade.toUpperCase()),
    subjects: splitList(texts.subjects),
  };
}

type ListFieldsProps = { values: ListTexts; onChange: (next: ListTexts) => void; errors: Partial<ListTexts> };

/** Tags, grade levels and subjects, each typed as a comma-separated list. */
export function ListFields({ values, onChange, errors }: ListFieldsProps) {
  return (
    <>
      <TextField
        label="Tags"
        hint="Separate with commas, like: fractions, number talks."
        value={values.tags}
        onChange={(event) => onChange({ ...values, tags: event.target.value })}
        error={errors.tags ? `Check the tags: ${errors.tags}` : undefined}
      />
      <TextField
        label="Grade levels"
        hint="Separate with commas, like: K, 1, 2. Use PK, K and 1 to 12."
        value={values.gradeLevels}
        onChange={(event) => onChange({ ...values, gradeLevels: event.target.value })}
        error={errors.gradeLevels ? "Use PK, K or 1 to 12, separated by commas." : undefined}
      />
      <TextField
        label="Subjects"
        hint="Separate with commas, like: Math, Science."
        value={values.subjects}
        onChange={(event) => onChange({ ...values, subjects: event.target.value })}
        error={errors.subjects ? `Check the subjects: ${errors.subjects}` : undefined}
      />
    </>
  );
}
