import { Controller } from "react-hook-form";
import type { z } from "zod";
import { COMMUNITY_KIND_LABELS, COMMUNITY_KINDS, type CommunityKind } from "../../../../contract/communities";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/QueryStatus";
import type { ContractForm } from "../../components/use-contract-form";

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

type CommunityFieldsProps<Output> = {
  form: ContractForm<CommunityValues, Output>;
  /** The schools to choose from, or where their list stands while it loads. */
  schoolChoices: { value: string; label: string }[] | "loading" | "error";
};

/** What a community is: its name, kind, purpose and schools (for creating and for settings alike). */
export function CommunityFields<Output>({ form, schoolChoices }: CommunityFieldsProps<Output>) {
  return (
    <>
      <TextField label="Name" {...form.register("name")} error={form.fieldError("name")} autoComplete="off" required />
      <SelectField label="Kind" {...form.register("kind")} error={form.fieldError("kind")}>
        {COMMUNITY_KINDS.map((option) => (
          <option key={option} value={option}>
            {COMMUNITY_KIND_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Purpose"
        hint="What the team is working on together, in a sentence or two."
        {...form.register("purpose")}
        error={form.fieldError("purpose")}
        rows={3}
      />
      {schoolChoices === "loading" ? (
        <Loading label="Loading schools…" />
      ) : schoolChoices === "error" ? (
        <FormAlert message="The list of schools could not be loaded. Reload the page and try again." />
      ) : (
        <Controller
          control={form.control}
          name="schoolIds"
          render={({ field }) => (
            <CheckboxGroup
              legend="Schools"
              hint="The schools whose staff take part. Their leaders can see and support the community."
              choices={schoolChoices}
              values={field.value}
              onChange={field.onChange}
              error={form.errorWithin("schoolIds")}
            />
          )}
        />
      )}
    </>
  );
}
