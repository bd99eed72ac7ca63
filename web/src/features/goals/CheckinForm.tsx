import { CheckinInput, type Goal } from "../../../../contract/goals";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { useCheckIn } from "./goals.api";

type CheckinValues = { checkedOn: string; value: string; note: string };

/** A check-in: a note, and a value when the goal is measured by its check-ins. */
export function CheckinForm({ goal }: { goal: Goal }) {
  const checkIn = useCheckIn(goal.id);
  const takesValue = goal.measure.kind === "checkin";
  const form = useContractForm<typeof CheckinInput, CheckinValues>({
    schema: CheckinInput,
    defaultValues: { checkedOn: todayIso(), value: "", note: "" },
    toInput: (v) => ({
      checkedOn: v.checkedOn,
      value: takesValue && v.value.trim() !== "" ? Number(v.value) : null,
      note: v.note,
    }),
    messages: { checkedOn: "Choose the day.", value: "Enter a number." },
    onValid: (input) => checkIn.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  return (
    <section className="panel" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">Check in</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <TextField label="Day" type="date" {...form.register("checkedOn")} error={form.fieldError("checkedOn")} />
        {takesValue ? (
          <TextField
            label={`Value (${goal.unit})`}
            inputMode="decimal"
            {...form.register("value")}
            error={form.fieldError("value")}
          />
        ) : null}
        <TextAreaField label="Note" rows={3} {...form.register("note")} error={form.fieldError("note")} />
        <div className="actions">
          <button type="submit" className="button" disabled={checkIn.isPending}>
            Record check-in
          </button>
        </div>
      </form>
    </section>
  );
}
