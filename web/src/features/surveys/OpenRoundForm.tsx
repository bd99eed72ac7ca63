import type { z } from "zod";
import { type InstrumentList, RoundInput, type RoundList } from "../../../../contract/surveys";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { useOpenRound } from "./surveys.api";

type OpenValues = { instrumentRef: string; audience: string; termLabel: string; opensOn: string; closesOn: string };

/** "team:<id>", "school:<id>" or "families:<id>" from the audience select, as the contract's audience. */
function audienceOf(value: string) {
  const [kind, id] = value.split(":");
  if (kind === "team") return { kind, communityId: id };
  if (kind === "school" || kind === "families") return { kind, schoolId: id };
  return null;
}

type OpenRoundFormProps = {
  instruments: z.infer<typeof InstrumentList>["items"];
  options: z.infer<typeof RoundList>["openOptions"];
  onOpened: (roundId: string) => void;
};

/**
 * Opens a round of an instrument for a team, a school's staff or a school's families, for a term. The instruments
 * offered are those written for the audience chosen (a family survey for families; meeting feedback is asked from
 * the meeting's page).
 */
export function OpenRoundForm({ instruments, options, onOpened }: OpenRoundFormProps) {
  const open = useOpenRound();
  const form = useContractForm<typeof RoundInput, OpenValues>({
    schema: RoundInput,
    defaultValues: { instrumentRef: "", audience: "", termLabel: "", opensOn: todayIso(), closesOn: "" },
    toInput: (v) => ({ ...v, audience: audienceOf(v.audience) }),
    messages: {
      instrumentRef: "Choose an instrument.",
      audience: "Choose a team or a school.",
      termLabel: "Name the term, such as Fall 2026.",
      opensOn: "Choose the opening day.",
      closesOn: "Choose the closing day.",
    },
    check: (v): Record<string, string> =>
      v.closesOn && v.closesOn < v.opensOn ? { closesOn: "Close on or after the opening day." } : {},
    onValid: (input) =>
      open.mutate(input, {
        onSuccess: (round) => {
          form.reset();
          onOpened(round.id);
        },
        onError: form.showProblem,
      }),
  });
  const forFamilies = form.watch("audience").startsWith("families:");
  const offered = instruments.filter((i) => i.audience === (forFamilies ? "families" : "staff"));
  return (
    <section className="panel" aria-labelledby="open-round-heading">
      <h2 id="open-round-heading">Open a round</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <SelectField label="Who answers" {...form.register("audience")} error={form.errorWithin("audience")}>
          <option value="">Choose…</option>
          {options.communities.length ? (
            <optgroup label="Teams">
              {options.communities.map((c) => (
                <option key={c.id} value={`team:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {options.schools.length ? (
            <optgroup label="Schools (all staff)">
              {options.schools.map((s) => (
                <option key={s.id} value={`school:${s.id}`}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {options.schools.length ? (
            <optgroup label="Families of a school">
              {options.schools.map((s) => (
                <option key={s.id} value={`families:${s.id}`}>
                  Families of {s.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </SelectField>
        <SelectField label="Instrument" {...form.register("instrumentRef")} error={form.fieldError("instrumentRef")}>
          <option value="">Choose…</option>
          {offered.map((instrument) => (
            <option key={instrument.ref} value={instrument.ref}>
              {instrument.title}
            </option>
          ))}
        </SelectField>
        <TextField label="Term" {...form.register("termLabel")} error={form.fieldError("termLabel")} />
        <TextField label="Opens on" type="date" {...form.register("opensOn")} error={form.fieldError("opensOn")} />
        <TextField label="Closes on" type="date" {...form.register("closesOn")} error={form.fieldError("closesOn")} />
        <div className="actions">
          <button type="submit" className="button" disabled={open.isPending}>
            Open round
          </button>
        </div>
      </form>
    </section>
  );
}
