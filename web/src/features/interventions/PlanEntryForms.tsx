import { type FormEvent, useState } from "react";
import {
  ScoreEntry,
  SESSION_ATTENDANCE,
  SESSION_ATTENDANCE_LABELS,
  SessionEntry,
} from "../../../../contract/interventions";
import { SelectField, TextField } from "../../components/Field";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { EntryPanel } from "./EntryPanel";
import { useRecordPlanScore, useRecordPlanSession } from "./interventions.api";
import { numberOrNull, textOfNumber } from "./plan-form-values";

type ScoreValues = { measuredOn: string; score: string; note: string };

/** One score on one day; an empty score removes that day's score. */
export function PlanScoreForm({ planId }: { planId: string }) {
  const record = useRecordPlanScore(planId);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof ScoreEntry, ScoreValues>({
    schema: ScoreEntry,
    defaultValues: { measuredOn: todayIso(), score: "", note: "" },
    toInput: ({ score, ...values }) => ({ ...values, score: numberOrNull(score) }),
    onValid: (entry) => {
      setSaved(null);
      record.mutate(entry, {
        onSuccess: (counts) => {
          form.setValue("score", "");
          form.setValue("note", "");
          setSaved(counts.removed ? "Score removed." : counts.saved ? "Score saved." : "There was no score that day.");
        },
        onError: form.showProblem,
      });
    },
  });

  return (
    <EntryPanel
      headingId="plan-score"
      title="Record a score"
      formRef={form.formRef}
      onSubmit={form.onSubmit}
      problem={form.formMessage}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save score"
    >
      <div className="field-row">
        <TextField
          label="Date measured"
          type="date"
          {...form.register("measuredOn")}
          error={form.fieldError("measuredOn")}
        />
        <TextField
          label="Score"
          type="number"
          inputMode="decimal"
          step="any"
          hint="Leave empty to remove that day's score."
          {...form.register("score")}
          error={form.fieldError("score")}
        />
      </div>
      <TextField label="Note (optional)" maxLength={500} {...form.register("note")} error={form.fieldError("note")} />
    </EntryPanel>
  );
}

type SessionValues = { sessionOn: string; attendance: string; minutes: string };

/** Whether the student got one session. */
export function PlanSessionForm({ planId, minutesPerSession }: { planId: string; minutesPerSession: number | null }) {
  const record = useRecordPlanSession(planId);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof SessionEntry, SessionValues>({
    schema: SessionEntry,
    defaultValues: { sessionOn: todayIso(), attendance: "present", minutes: textOfNumber(minutesPerSession) },
    // Minutes count only for a session the student was at.
    toInput: ({ minutes, ...values }) => ({
      ...values,
      minutes: values.attendance === "present" ? numberOrNull(minutes) : null,
    }),
    onValid: (entry) =>
      record.mutate(entry, { onSuccess: () => setSaved("Session saved."), onError: form.showProblem }),
  });

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    return form.onSubmit(event);
  }

  return (
    <EntryPanel
      headingId="plan-session"
      title="Record a session"
      formRef={form.formRef}
      onSubmit={handleSubmit}
      problem={form.formMessage}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save session"
    >
      <div className="field-row">
        <TextField
          label="Session date"
          type="date"
          {...form.register("sessionOn")}
          error={form.fieldError("sessionOn")}
        />
        <SelectField label="Attendance" {...form.register("attendance")}>
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
          {...form.register("minutes")}
          disabled={form.watch("attendance") !== "present"}
          error={form.fieldError("minutes")}
        />
      </div>
    </EntryPanel>
  );
}
