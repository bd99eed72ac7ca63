import { Controller } from "react-hook-form";
import {
  CreateApiTokenInput,
  TOKEN_SCOPE_LABELS,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../../../contract/api-tokens";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useCreateApiToken } from "./profile.api";

type NewTokenValues = { name: string; scopes: TokenScope[]; expiresInDays: string };

const EMPTY: NewTokenValues = { name: "", scopes: [], expiresInDays: "90" };
const LIFETIMES = [
  { days: "7", label: "7 days" },
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
];

/** Makes a personal API token with the scopes a script needs, then hands its secret to the page to show once. */
export function NewApiTokenForm({ onCreated }: { onCreated: (token: string, name: string) => void }) {
  const createToken = useCreateApiToken();
  const form = useContractForm<typeof CreateApiTokenInput, NewTokenValues>({
    schema: CreateApiTokenInput,
    defaultValues: EMPTY,
    toInput: ({ name, scopes, expiresInDays }) => ({ name, scopes, expiresInDays: Number(expiresInDays) }),
    onValid: (body) =>
      createToken.mutate(body, {
        onSuccess: (created) => {
          onCreated(created.token, created.name);
          form.reset(EMPTY);
        },
        onError: form.showProblem,
      }),
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">New token</h3>
      <FormAlert message={form.formMessage} />
      <TextField
        label="Name"
        hint="What the token is for, e.g. “gradebook sync”."
        {...form.register("name")}
        error={form.fieldError("name")}
        required
      />
      <Controller
        control={form.control}
        name="scopes"
        render={({ field }) => (
          <CheckboxGroup
            legend="What it may do"
            hint="A token acts as you, never beyond what you may do yourself, and only within these."
            choices={TOKEN_SCOPES.map((scope) => ({ value: scope, label: TOKEN_SCOPE_LABELS[scope] }))}
            values={field.value}
            onChange={field.onChange}
            error={form.errorWithin("scopes")}
          />
        )}
      />
      <SelectField label="Expires after" {...form.register("expiresInDays")} error={form.fieldError("expiresInDays")}>
        {LIFETIMES.map((lifetime) => (
          <option key={lifetime.days} value={lifetime.days}>
            {lifetime.label}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={createToken.isPending}>
          Make token
        </button>
      </div>
    </form>
  );
}
