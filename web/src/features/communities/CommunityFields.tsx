import type { z } from "zod";
import { COMMUNITY_KIND_LABELS, COMMUNITY_KINDS, CommunityKind } from "../../../../contract/communities";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/QueryStatus";

export type CommunityValues = {
  name: string;
  kind: z.infer<typeof CommunityKind>;
  purpose: string;
  schoolIds: string[];
};

export const COMMUNITY_MESSAGES = {
  name: "Give the community a name.",
  schoolIds: "Choose at least one school.",
};

type CommunityFieldsProps = {
  values: CommunityValues;
  onChange: (values: CommunityValues) => void;
  errors: Record<string, string | undefined>;
  /** The schools to choose from, or where their list stands while it loads. */
  schoolChoices: { value: string; label: string }[] | "loading" | "error";
};

/** What a community is: its name, kind, purpose and schools (for creating and for settings alike). */
export function CommunityFields({ values, onChange, errors, schoolChoices }: CommunityFieldsProps) {
  const schoolError = errors.schoolIds ?? Object.entries(errors).find(([path]) => path.startsWith("schoolIds/"))?.[1];
  return (
    <>
      <TextField
        label="Name"
        value={values.name}
        onChange={(event) => onChange({ ...values, name: event.target.value })}
        error={errors.name}
        autoComplete="off"
        required
      />
      <SelectField
        label="Kind"
        value={values.kind}
        onChange={(event) => onChange({ ...values, kind: CommunityKind.parse(event.target.value) })}
        error={errors.kind}
      >
        {COMMUNITY_KINDS.map((option) => (
          <option key={option} value={option}>
            {COMMUNITY_KIND_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Purpose"
        hint="What the team is working on together, in a sentence or two."
        value={values.purpose}
        onChange={(event) => onChange({ ...values, purpose: event.target.value })}
        error={errors.purpose}
        rows={3}
      />
      {schoolChoices === "loading" ? (
        <Loading label="Loading schools…" />
      ) : schoolChoices === "error" ? (
        <FormAlert message="The list of schools could not be loaded. Reload the page and try again." />
      ) : (
        <CheckboxGroup
          legend="Schools"
          hint="The schools whose staff take part. Their leaders can see and support the community."
          choices={schoolChoices}
          values={values.schoolIds}
          onChange={(schoolIds) => onChange({ ...values, schoolIds })}
          error={schoolError}
        />
      )}
    </>
  );
}
