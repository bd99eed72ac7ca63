import { type FormEvent, type KeyboardEvent, useState } from "react";
import {
  type GroupMember,
  SESSION_ATTENDANCE,
  SESSION_ATTENDANCE_LABELS,
  type SessionAttendance,
} from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { type FormProblem, NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { EntryPanel } from "./EntryPanel";
import { MemberEntryTable } from "./EntryTable";
import { useRecordGroupScores, useRecordGroupSessions } from "./interventions.api";

/** Enter moves to the next student's score, as in a paper list; on the last one it saves. */
function handleEnterMovesDown(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== "Enter") return;
  const inputs = [...(event.currentTarget.form?.querySelectorAll<HTMLInputElement>("input[data-score]") ?? [])];
  const next = inputs[inputs.indexOf(event.currentTarget) + 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** One score per student on one day; empty boxes are left as they are. */
export function QuickScoreEntry({
  groupId,
  members,
  measure,
}: {
  groupId: string;
  members: GroupMember[];
  measure: string;
}) {
  const record = useRecordGroupScores(groupId);
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const entries = members
      .filter((m) => (scores[m.planId] ?? "").trim() !== "")
      .map((m) => ({ planId: m.planId, score: Number(scores[m.planId]) }));
    if (entries.length === 0) return setProblem({ fields: {}, message: "Enter at least one score." });
    if (entries.some((e) => Number.isNaN(e.score))) return setProblem({ fields: {}, message: "Scores are numbers." });
    setProblem(NO_PROBLEM);
    setSaved(null);
    record.mutate(
      { measuredOn, scores: entries },
      {
        onSuccess: (counts) => {
          setScores({});
          setSaved(`Saved ${counts.saved} ${counts.saved === 1 ? "score" : "scores"}.`);
        },
        onError: (failure) => setProblem(problemFromError(failure)),
      },
    );
  }

  return (
    <EntryPanel
      headingId="record-progress"
      title="Record progress"
      intro={<p className="muted">{measure}. Enter moves to the next student.</p>}
      onSubmit={handleSubmit}
      problem={problem.message}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save scores"
    >
      <TextField
        label="Date measured"
        type="date"
        value={measuredOn}
        error={problem.fields.measuredOn}
        onChange={(event) => setMeasuredOn(event.target.value)}
      />
      <MemberEntryTable
        caption="A score for each student"
        column="Score"
        idPrefix="score"
        members={members}
        cell={(planId, id) => (
          <input
            id={id}
            data-score
            type="number"
            inputMode="decimal"
            step="any"
            value={scores[planId] ?? ""}
            onKeyDown={handleEnterMovesDown}
            onChange={(event) => setScores((current) => ({ ...current, [planId]: event.target.value }))}
          />
        )}
      />
    </EntryPanel>
  );
}

/** Who came to one session (present, absent, or not held that day). */
export function SessionEntry({
  groupId,
  members,
  minutesPerSession,
}: {
  groupId: string;
  members: GroupMember[];
  minutesPerSession: number | null;
}) {
  const record = useRecordGroupSessions(groupId);
  const [sessionOn, setSessionOn] = useState(todayIso());
  const [attendance, setAttendance] = useState<Record<string, SessionAttendance>>({});
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(NO_PROBLEM);
    setSaved(null);
    record.mutate(
      {
        sessionOn,
        attendance: members.map((m) => {
          const value = attendance[m.planId] ?? "present";
          return { planId: m.planId, attendance: value, minutes: value === "present" ? minutesPerSession : null };
        }),
      },
      {
        onSuccess: () => setSaved("Attendance saved."),
        onError: (failure) => setProblem(problemFromError(failure)),
      },
    );
  }

  return (
    <EntryPanel
      headingId="record-session"
      title="Record session"
      onSubmit={handleSubmit}
      problem={problem.message}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save attendance"
    >
      <TextField
        label="Session date"
        type="date"
        value={sessionOn}
        error={problem.fields.sessionOn}
        onChange={(event) => setSessionOn(event.target.value)}
      />
      <MemberEntryTable
        caption="Attendance of each student"
        column="Attendance"
        idPrefix="attendance"
        members={members}
        cell={(planId, id) => (
          <select
            id={id}
            value={attendance[planId] ?? "present"}
            onChange={(event) =>
              setAttendance((current) => ({ ...current, [planId]: event.target.value as SessionAttendance }))
            }
          >
            {SESSION_ATTENDANCE.map((value) => (
              <option key={value} value={value}>
                {SESSION_ATTENDANCE_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      />
    </EntryPanel>
  );
}
