import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { AttendanceStatus, type MeetingDetail } from "../../../../contract/meetings";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import styles from "./AttendanceForm.module.css";
import { useSaveAttendance } from "./meetings.api";

type Status = z.infer<typeof AttendanceStatus>;

const STATUS_LABELS: Record<Status, string> = { present: "Present", absent: "Absent", excused: "Excused" };
const CHOICES = AttendanceStatus.options.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/** Who came: one present / absent / excused choice per member, or everyone not yet marked present in one click. */
export function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const saveAttendance = useSaveAttendance(meeting.id);
  const [statuses, setStatuses] = useState<Record<string, Status | null>>(() =>
    Object.fromEntries(meeting.attendance.map((person) => [person.personId, person.status])),
  );
  const canRecord = meeting.can.contribute === true;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const entries = Object.entries(statuses).flatMap(([personId, status]) => (status ? [{ personId, status }] : []));
    saveAttendance.mutate({ entries });
  }

  return (
    <section className="panel" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {meeting.attendance.length === 0 ? <p className="muted">The community has no members yet.</p> : null}
      {canRecord ? (
        <form onSubmit={handleSubmit} className="form form-wide" aria-labelledby="attendance-heading">
          <FormAlert message={saveAttendance.error ? problemFromError(saveAttendance.error).message : null} />
          <div className={styles.list}>
            {meeting.attendance.map((person) => (
              <RadioGroup
                key={person.personId}
                legend={person.displayName}
                className={styles.row}
                isInline
                choices={CHOICES}
                value={statuses[person.personId] ?? null}
                onChange={(status) => setStatuses((previous) => ({ ...previous, [person.personId]: status }))}
              />
            ))}
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setStatuses((previous) =>
                  Object.fromEntries(Object.entries(previous).map(([id, status]) => [id, status ?? "present"])),
                )
              }
              disabled={Object.values(statuses).every((status) => status !== null)}
            >
              Mark everyone else present
            </button>
            <button type="submit" className="button" disabled={saveAttendance.isPending}>
              Save attendance
            </button>
            <span role="status" className="save-status">
              {saveAttendance.isSuccess ? "Attendance saved." : ""}
            </span>
          </div>
        </form>
      ) : (
        <ul className="cell-list">
          {meeting.attendance.map((person) => (
            <li key={person.personId}>
              {person.displayName}: {person.status ? STATUS_LABELS[person.status] : "not recorded"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
