import { TextField } from "../../components/Field";

export type ScheduleText = {
  minutesPerSession: string;
  daysPerWeek: string;
  schedule: string;
  /** Absent where the start cannot change any more (editing a group). */
  startDate?: string;
  reviewDate: string;
  goalDate: string;
};

type ScheduleFieldsProps = {
  values: ScheduleText;
  onChange: (field: keyof ScheduleText, value: string) => void;
  error: (field: string) => string | undefined;
};

/** How often and when a plan or group meets, and its start, review and goal dates. */
export function ScheduleFields({ values, onChange, error }: ScheduleFieldsProps) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="Minutes per session"
          type="number"
          min={1}
          max={240}
          value={values.minutesPerSession}
          error={error("minutesPerSession")}
          onChange={(event) => onChange("minutesPerSession", event.target.value)}
        />
        <TextField
          label="Days per week"
          type="number"
          min={1}
          max={7}
          value={values.daysPerWeek}
          error={error("daysPerWeek")}
          onChange={(event) => onChange("daysPerWeek", event.target.value)}
        />
        <TextField
          label="When"
          placeholder="Mon, Wed, Fri during WIN time"
          maxLength={200}
          value={values.schedule}
          error={error("schedule")}
          onChange={(event) => onChange("schedule", event.target.value)}
        />
      </div>
      <div className="field-row">
        {values.startDate !== undefined ? (
          <TextField
            label="Start date"
            type="date"
            value={values.startDate}
            error={error("startDate")}
            onChange={(event) => onChange("startDate", event.target.value)}
          />
        ) : null}
        <TextField
          label="Review date"
          type="date"
          value={values.reviewDate}
          error={error("reviewDate")}
          onChange={(event) => onChange("reviewDate", event.target.value)}
        />
        <TextField
          label="Goal date"
          type="date"
          value={values.goalDate}
          error={error("goalDate")}
          onChange={(event) => onChange("goalDate", event.target.value)}
        />
      </div>
    </>
  );
}
