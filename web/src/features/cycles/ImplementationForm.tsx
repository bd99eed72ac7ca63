import {
  IMPLEMENTATION_OUTCOME_LABELS,
  ImplementationInput,
  type ImplementationList,
} from "../../../../contract/cycle-work";
import { IMPLEMENTATION_OUTCOMES, type ImplementationOutcome } from "../../../../contract/cycles";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { useLogImplementation } from "./cycle-work.api";

type ImplementationValues = {
  resourceId: string;
  classId: string;
  appliedOn: string;
  outcome: ImplementationOutcome;
  note: string;
};

type ImplementationFormProps = {
  cycleId: string;
  strategies: { id: string; title: string }[];
  myClasses: ImplementationList["myClasses"];
};

/** Logs when and with which of the member's classes a strategy was applied, and how it went. */
export function ImplementationForm({ cycleId, strategies, myClasses }: ImplementationFormProps) {
  const log = useLogImplementation(cycleId);
  const form = useContractForm<typeof ImplementationInput, ImplementationValues>({
    schema: ImplementationInput,
    defaultValues: { resourceId: "", classId: "", appliedOn: todayIso(), outcome: "went_well", note: "" },
    messages: { resourceId: "Choose one of the cycle's strategies.", classId: "Choose one of your classes." },
    onValid: (input) => log.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <SelectField label="Strategy" {...form.register("resourceId")} error={form.fieldError("resourceId")} required>
        <option value="">Choose…</option>
        {strategies.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </SelectField>
      <SelectField label="Class" {...form.register("classId")} error={form.fieldError("classId")} required>
        <option value="">Choose…</option>
        {myClasses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Day"
        type="date"
        {...form.register("appliedOn")}
        error={form.fieldError("appliedOn")}
        required
      />
      <SelectField label="How it went" {...form.register("outcome")} error={form.fieldError("outcome")}>
        {IMPLEMENTATION_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {IMPLEMENTATION_OUTCOME_LABELS[outcome]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Note" rows={2} {...form.register("note")} error={form.fieldError("note")} />
      <div className="actions">
        <button type="submit" className="button" disabled={log.isPending}>
          Log application
        </button>
      </div>
    </form>
  );
}
