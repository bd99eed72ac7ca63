import { CheckinInput } from "../../../../contract/communities";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { useScheduleCheckin } from "./norms.api";

function inDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split("-").map(Number);
  const date = new Date(year, month - 1, day + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MESSAGES = { opensOn: "Choose the day the check-in opens.", closesOn: "Choose the day it closes." };

/** Opens an anonymous check-in on the current norms for a few days. */
export function ScheduleCheckinForm({ communityId }: { communityId: string }) {
  const scheduleCheckin = useScheduleCheckin(communityId);
  const form = useContractForm({
    schema: CheckinInput,
    defaultValues: { opensOn: todayIso(), closesOn: inDays(todayIso(), 7) },
    messages: MESSAGES,
    check: ({ opensOn, closesOn }): Record<string, string> =>
      opensOn && closesOn && closesOn < opensOn ? { closesOn: "Choose a date on or after the opening date." } : {},
    onValid: (checkin) => scheduleCheckin.mutate(checkin, { onError: form.showProblem }),
  });

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className="form"
      aria-labelledby="checkin-schedule-heading"
    >
      <h3 id="checkin-schedule-heading">Schedule a check-in</h3>
      <p className="muted">Members rate how well the team keeps each norm, from 1 (rarely) to 4 (always).</p>
      <FormAlert message={form.formMessage} />
      <div className="field-row">
        <TextField
          label="Opens on"
          type="date"
          {...form.register("opensOn")}
          error={form.fieldError("opensOn")}
          required
        />
        <TextField
          label="Closes on"
          type="date"
          min={form.watch("opensOn")}
          {...form.register("closesOn")}
          error={form.fieldError("closesOn")}
          required
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={scheduleCheckin.isPending}>
          Schedule check-in
        </button>
        <span role="status" className="save-status">
          {scheduleCheckin.isSuccess ? "Check-in scheduled." : ""}
        </span>
      </div>
    </form>
  );
}
