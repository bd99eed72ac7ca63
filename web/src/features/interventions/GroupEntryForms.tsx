import { type ComponentProps, type FormEvent, type KeyboardEvent, type ReactNode, useState } from "react";
import {
  type GroupMember,
  GroupScoresInput,
  GroupSessionsInput,
  SESSION_ATTENDANCE,
  SESSION_ATTENDANCE_LABELS,
  type SessionAttendance,
} from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
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

type MemberEntryPanelProps = Omit<ComponentProps<typeof EntryPanel>, "children"> &
  Omit<ComponentProps<typeof MemberEntryTable>, "members"> & { members: GroupMember[]; dateField: ReactNode };

/** A group's entry panel: the day, then one input per member. */
function MemberEntryPanel({ dateField, caption, column, idPrefix, members, cell, ...panel }: MemberEntryPanelProps) {
  return (
    <EntryPanel {...panel}>
      {dateField}
      <MemberEntryTable caption={caption} column={column} idPrefix={idPrefix} members={members} cell={cell} />
    </EntryPanel>
  );
}

/** Each member's box, by plan: what was typed, empty for no score. */
type ScoreValues = { measuredOn: string; scores: Record<string, string> };

const blankScores = (members: GroupMember[]) => Object.fromEntries(members.map((m) => [m.planId, ""]));

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
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof GroupScoresInput, ScoreValues>({
    schema: GroupScoresInput,
    defaultValues: { measuredOn: todayIso(), scores: blankScores(members) },
    toInput: ({ measuredOn, scores }) => ({
      measuredOn,
      scores: members
        .filter((m) => (scores[m.planId] ?? "").trim() !== "")
        .map((m) => ({ planId: m.planId, score: Number(scores[m.planId]) })),
    }),
    messages: {
      scores: "Enter at least one score.",
      ...Object.fromEntries(
        members.map((_, index) => [
          `scores/${index}/score`,
          (code: string) => (code === "invalid_type" ? "Scores are numbers." : undefined),
        ]),
      ),
    },
    onValid: (input) =>
      record.mutate(input, {
        onSuccess: (counts) => {
          form.setValue("scores", blankScores(members));
          setSaved(`Saved ${counts.saved} ${counts.saved === 1 ? "score" : "scores"}.`);
        },
        onError: form.showProblem,
      }),
  });

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    return form.onSubmit(event);
  }

  return (
    <MemberEntryPanel
      headingId="record-progress"
      title="Record progress"
      intro={<p className="muted">{measure}. Enter moves to the next student.</p>}
      formRef={form.formRef}
      onSubmit={handleSubmit}
      // A score is a box in a row of the table, not a field of its own: its problem shows above the table.
      problem={form.formMessage ?? form.errorWithin("scores") ?? null}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save scores"
      dateField={
        <TextField
          label="Date measured"
          type="date"
          {...form.register("measuredOn")}
          error={form.fieldError("measuredOn")}
        />
      }
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
          onKeyDown={handleEnterMovesDown}
          {...form.register(`scores.${planId}`)}
        />
      )}
    />
  );
}

/** Each member's attendance, by plan. */
type SessionValues = { sessionOn: string; attendance: Record<string, SessionAttendance> };

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
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof GroupSessionsInput, SessionValues>({
    schema: GroupSessionsInput,
    defaultValues: {
      sessionOn: todayIso(),
      attendance: Object.fromEntries(members.map((m) => [m.planId, "present"])),
    },
    toInput: ({ sessionOn, attendance }) => ({
      sessionOn,
      attendance: members.map((m) => {
        const value = attendance[m.planId] ?? "present";
        return { planId: m.planId, attendance: value, minutes: value === "present" ? minutesPerSession : null };
      }),
    }),
    onValid: (input) =>
      record.mutate(input, { onSuccess: () => setSaved("Attendance saved."), onError: form.showProblem }),
  });

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    return form.onSubmit(event);
  }

  return (
    <MemberEntryPanel
      headingId="record-session"
      title="Record session"
      formRef={form.formRef}
      onSubmit={handleSubmit}
      problem={form.formMessage ?? form.errorWithin("attendance") ?? null}
      saved={saved}
      isPending={record.isPending}
      saveLabel="Save attendance"
      dateField={
        <TextField
          label="Session date"
          type="date"
          {...form.register("sessionOn")}
          error={form.fieldError("sessionOn")}
        />
      }
      caption="Attendance of each student"
      column="Attendance"
      idPrefix="attendance"
      members={members}
      cell={(planId, id) => (
        <select id={id} {...form.register(`attendance.${planId}`)}>
          {SESSION_ATTENDANCE.map((value) => (
            <option key={value} value={value}>
              {SESSION_ATTENDANCE_LABELS[value]}
            </option>
          ))}
        </select>
      )}
    />
  );
}
