import { type FormEvent, useState } from "react";
import {
  SESSION_ATTENDANCE,
  SESSION_ATTENDANCE_LABELS,
  type SessionAttendance,
} from "../../../../contract/interventions";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { useRecordPlanScore, useRecordPlanSession } from "./interventions.api";

/** One score on one day; an empty score removes that day's score. */
export function PlanScoreForm({ planId }: { planId: string }) {
  const record = useRecordPlanScore(planId);
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [score, setScore] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const value = score.trim() === "" ? null : Number(score);
    if (value !== null && Number.isNaN(value))
      return setProblem({ fields: { score: "Enter a number." }, message: null });
    setProblem(NO_PROBLEM);
    setSaved(null);
    record.mutate(
      { measuredOn, score: value, note },
      {
        onSuccess: (counts) => {
          setScore("");
          setNote("");
          setSaved(counts.removed ? "Score removed." : counts.saved ? "Score saved." : "There was no score that day.");
        },
        onError: (failure) => setProblem(problemFromError(failure)),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="plan-score">
      <h2 id="plan-score">Record a score</h2>
      <form onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <FormAlert message={saved} tone="success" />
        <div className="field-row">
          <TextField
            label="Date measured"
            type="date"
            value={measuredOn}
            error={problem.fields.measuredOn}
            onChange={(event) => setMeasuredOn(event.target.value)}
          />
          <TextField
            label="Score"
            type="number"
            inputMode="decimal"
            step="any"
            hint="Leave empty to remove that day's score."
            value={score}
            error={problem.fields.score}
            onChange={(event) => setScore(event.target.value)}
          />
        </div>
        <TextField
          label="Note (optional)"
          maxLength={500}
          value={note}
          error={problem.fields.note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {record.isPending ? "Saving…" : "Save score"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Whether the student got one session. */
export function PlanSessionForm({ planId, minutesPerSession }: { planId: string; minutesPerSession: number | null }) {
  const record = useRecordPlanSession(planId);
  const [sessionOn, setSessionOn] = useState(todayIso());
  const [attendance, setAttendance] = useState<SessionAttendance>("present");
  const [minutes, setMinutes] = useState(minutesPerSession === null ? "" : String(minutesPerSession));
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(NO_PROBLEM);
    setSaved(null);
    const value = attendance === "present" && minutes.trim() !== "" ? Number(minutes) : null;
    record.mutate(
      { sessionOn, attendance, minutes: value },
      {
        onSuccess: () => setSaved("Session saved."),
        onError: (failure) => setProblem(problemFromError(failure)),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="plan-session">
      <h2 id="plan-session">Record a session</h2>
      <form onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <FormAlert message={saved} tone="success" />
        <div className="field-row">
          <TextField
            label="Session date"
            type="date"
            value={sessionOn}
            error={problem.fields.sessionOn}
            onChange={(event) => setSessionOn(event.target.value)}
          />
          <SelectField
            label="Attendance"
            value={attendance}
            onChange={(event) => setAttendance(event.target.value as SessionAttendance)}
          >
            {SESSION_ATTENDANCE.map((value) => (
              <option key={value} value={value}>
                {SESSION_ATTENDANCE_LABELS[value]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Minutes"
            type="number"
            min={0}
            max={240}
            value={minutes}
            disabled={attendance !== "present"}
            error={problem.fields.minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {record.isPending ? "Saving…" : "Save session"}
          </button>
        </div>
      </form>
    </section>
  );
}
