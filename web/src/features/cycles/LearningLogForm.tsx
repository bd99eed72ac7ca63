import { useQuery } from "@tanstack/react-query";
import { LEARNING_ACTIVITY_LABELS, type LearningEntry, LearningEntryInput } from "../../../../contract/cycle-work";
import { LEARNING_ACTIVITY_KINDS, type LearningActivityKind } from "../../../../contract/cycles";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { protocolsQuery } from "../protocols/protocols.api";
import { visitListQuery } from "../visits/visits.api";
import { useAddLearningEntry, useUpdateLearningEntry } from "./cycle-work.api";

const UUID = /^[0-9a-f-]{36}$/;

/** The fields as typed: minutes as text, no link as blank. */
type EntryValues = {
  kind: LearningActivityKind;
  description: string;
  minutes: string;
  learnedOn: string;
  protocolId: string;
  visitId: string;
};

type LearningLogFormProps = {
  communityId: string;
  cycleId: string;
  /** The entry to change; left out, the form logs a new one. */
  entry?: LearningEntry | undefined;
  onDone?: () => void;
};

/** One entry of the learning log: what was learned, how, for how long, and what it links to. */
export function LearningLogForm({ communityId, cycleId, entry, onDone }: LearningLogFormProps) {
  const add = useAddLearningEntry(cycleId);
  const update = useUpdateLearningEntry(cycleId);
  // Team copies of protocols have ids for keys; the built-in library's are not the team's to link.
  const protocols = (useQuery(protocolsQuery(communityId)).data?.items ?? []).filter((p) => UUID.test(p.key));
  const visits = useQuery(visitListQuery).data?.items ?? [];
  const form = useContractForm<typeof LearningEntryInput, EntryValues>({
    schema: LearningEntryInput,
    defaultValues: {
      kind: entry?.kind ?? "text_study",
      description: entry?.description ?? "",
      minutes: entry ? String(entry.minutes) : "",
      learnedOn: entry?.learnedOn ?? todayIso(),
      protocolId: entry?.protocol?.id ?? "",
      visitId: entry?.visit?.id ?? "",
    },
    toInput: (values) => ({
      ...values,
      minutes: values.minutes.trim() === "" ? null : Number(values.minutes),
      protocolId: values.protocolId || null,
      visitId: values.visitId || null,
      resourceId: entry?.resource?.id ?? null,
    }),
    messages: { minutes: "Enter the minutes spent, a whole number above zero." },
    onValid: (input) => {
      const done = {
        onSuccess: () => {
          if (!entry) form.reset();
          onDone?.();
        },
        onError: form.showProblem,
      };
      if (entry) update.mutate({ id: entry.id, patch: input }, done);
      else add.mutate(input, done);
    },
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <SelectField label="How" {...form.register("kind")} error={form.fieldError("kind")}>
        {LEARNING_ACTIVITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {LEARNING_ACTIVITY_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="What you learned"
        rows={3}
        {...form.register("description")}
        error={form.fieldError("description")}
        required
      />
      <TextField
        label="Minutes"
        inputMode="numeric"
        {...form.register("minutes")}
        error={form.fieldError("minutes")}
        required
      />
      <TextField
        label="Day"
        type="date"
        {...form.register("learnedOn")}
        error={form.fieldError("learnedOn")}
        required
      />
      <SelectField
        label="Protocol used (optional)"
        {...form.register("protocolId")}
        error={form.fieldError("protocolId")}
      >
        <option value="">None</option>
        {protocols.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Classroom visit (optional)" {...form.register("visitId")} error={form.fieldError("visitId")}>
        <option value="">None</option>
        {visits.map((v) => (
          <option key={v.id} value={v.id}>
            {v.focus}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={add.isPending || update.isPending}>
          {entry ? "Save entry" : "Log learning"}
        </button>
        {onDone ? (
          <button type="button" className="button button-secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
