import { type FormEvent, useRef, useState } from "react";
import { CheckinInput } from "../../../../contract/communities";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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
  const formRef = useRef<HTMLFormElement>(null);
  const [opensOn, setOpensOn] = useState(todayIso);
  const [closesOn, setClosesOn] = useState(() => inDays(todayIso(), 7));
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(CheckinInput, { opensOn, closesOn }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    if (closesOn < opensOn) {
      return setProblem({ fields: { closesOn: "Choose a date on or after the opening date." }, message: null });
    }
    setProblem(NO_PROBLEM);
    scheduleCheckin.mutate(checked.data, { onError: (error) => setProblem(problemFromError(error)) });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form" aria-labelledby="checkin-schedule-heading">
      <h3 id="checkin-schedule-heading">Schedule a check-in</h3>
      <p className="muted">Members rate how well the team keeps each norm, from 1 (rarely) to 4 (always).</p>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField
          label="Opens on"
          type="date"
          value={opensOn}
          onChange={(event) => setOpensOn(event.target.value)}
          error={problem.fields.opensOn}
          required
        />
        <TextField
          label="Closes on"
          type="date"
          value={closesOn}
          min={opensOn}
          onChange={(event) => setClosesOn(event.target.value)}
          error={problem.fields.closesOn}
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
