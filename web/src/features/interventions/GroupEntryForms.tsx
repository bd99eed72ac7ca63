import { type ComponentProps, type FormEvent, type KeyboardEvent, useState } from "react";
import type { FieldValues } from "react-hook-form";
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
import { type ContractForm, useContractForm } from "../../components/use-contract-form";
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

type MemberEntryPanelProps = Omit<
  ComponentProps<typeof EntryPanel>,
  "children" | "formRef" | "onSubmit" | "problem" | "saved"
> &
  Omit<ComponentProps<typeof MemberEntryTable>, "members"> & {
    form: Pick<ContractForm<FieldValues>, "formRef" | "onSubmit" | "formMessage" | "errorWithin">;
    /** The body's list of entries, whose problems show above the table: an entry is a box in a row, not a field. */
    entries: string;
    saved: string | null;
    onSaving: () => void;
    members: GroupMember[];
    /** The day's field: its label, registration and message. */
    date: ComponentProps<typeof TextField>;
  };

/** A group's entry panel: the day, then one input per member. */
function MemberEntryPanel(props: MemberEntryPanelProps) {
  const { form, entries, onSaving, date, caption, column, idPrefix, members, cell, ...panel } = props;

  function handleSubmit(event: FormEvent) {
    onSaving();
    return form.onSubmit(event);
  }

  return (
    <EntryPanel
      {...panel}
      formRef={form.formRef}
      onSubmit={handleSubmit}
      problem={form.formMessage ?? form.errorWithin(entries) ?? null}
    >
      <TextField type="date" {...date} />
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

  return (
    <MemberEntryPanel
      headingId="record-progress"
      title="Record progress"
      intro={<p className="muted">{measure}. Enter moves to the next student.</p>}
      form={form}
      entries="scores"
      saved={saved}
      onSaving={() => setSaved(null)}
      isPending={record.isPending}
      saveLabel="Save scores"
      date={{ label: "Date measured", ...form.register("measuredOn"), error: form.fieldError("measuredOn") }}
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

  return (
    <MemberEntryPanel
      headingId="record-session"
      title="Record session"
      form={form}
      entries="attendance"
      saved={saved}
      onSaving={() => setSaved(null)}
      isPending={record.isPending}
      saveLabel="Save attendance"
      date={{ label: "Session date", ...form.register("sessionOn"), error: form.fieldError("sessionOn") }}
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
