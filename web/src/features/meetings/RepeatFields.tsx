import { RadioGroup } from "../../components/ChoiceGroup";
import { SelectField, TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";
import { describeMonthly, type Repeat, RepeatChoice, type ScheduleValues } from "./schedule-form";

type RepeatFieldsProps = {
  values: ScheduleValues;
  onChange: (patch: Partial<ScheduleValues>) => void;
  errors: FieldErrors;
};

const REPEAT_LABELS: Record<Repeat, string> = {
  none: "Does not repeat",
  weekly: "Weekly",
  every_n_weeks: "Every N weeks",
  monthly: "Monthly on the same weekday",
};

/** How the meeting repeats, and when the series ends: after a number of meetings or on a date. */
export function RepeatFields({ values, onChange, errors }: RepeatFieldsProps) {
  const monthly = values.repeat === "monthly" && values.date ? describeMonthly(values.date) : null;
  return (
    <fieldset className="form-section">
      <legend>How often</legend>
      <SelectField
        label="Repeat"
        value={values.repeat}
        onChange={(event) => onChange({ repeat: RepeatChoice.parse(event.target.value) })}
        hint={monthly ?? undefined}
        error={errors.recurrence ?? errors["recurrence/frequency"]}
      >
        {RepeatChoice.options.map((repeat) => (
          <option key={repeat} value={repeat}>
            {REPEAT_LABELS[repeat]}
          </option>
        ))}
      </SelectField>
      {values.repeat === "every_n_weeks" ? (
        <TextField
          label="Every how many weeks"
          type="number"
          inputMode="numeric"
          min={2}
          max={12}
          value={values.interval}
          onChange={(event) => onChange({ interval: event.target.value })}
          error={errors["recurrence/interval"]}
          className="field-narrow"
        />
      ) : null}
      {values.repeat === "none" ? null : (
        <>
          <RadioGroup
            legend="Ends"
            isInline
            choices={[
              { value: "count", label: "After a number of meetings" },
              { value: "until", label: "On a date" },
            ]}
            value={values.ends}
            onChange={(ends) => onChange({ ends })}
          />
          {values.ends === "count" ? (
            <TextField
              label="Number of meetings"
              type="number"
              inputMode="numeric"
              min={2}
              max={60}
              value={values.count}
              onChange={(event) => onChange({ count: event.target.value })}
              error={errors["recurrence/count"]}
              className="field-narrow"
            />
          ) : (
            <TextField
              label="Until"
              hint="The last day a meeting may fall on."
              type="date"
              min={values.date || undefined}
              value={values.until}
              onChange={(event) => onChange({ until: event.target.value })}
              error={errors["recurrence/until"]}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
