import { type FormEvent, useMemo, useRef, useState } from "react";
import { MeetingInput, MeetingMode, type MeetingSummary } from "../../../../contract/meetings";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { AgendaRows } from "./AgendaRows";
import { MODE_LABELS } from "./meeting-format";
import { useScheduleMeetings } from "./meetings.api";
import { ProtocolField } from "./ProtocolField";
import { RepeatFields } from "./RepeatFields";
import { checkWhen, emptySchedule, SCHEDULE_MESSAGES, type ScheduleValues, toMeetingInput } from "./schedule-form";

type ScheduleMeetingFormProps = { communityId: string; onScheduled: (first: MeetingSummary) => void };

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

export function ScheduleMeetingForm({ communityId, onScheduled }: ScheduleMeetingFormProps) {
  const scheduleMeetings = useScheduleMeetings(communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ScheduleValues>(emptySchedule);
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);
  const zones = useMemo(() => timeZones(values.timezone), [values.timezone]);
  const errors = problem.fields;
  const change = (patch: Partial<ScheduleValues>) => setValues((previous) => ({ ...previous, ...patch }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const whenErrors = checkWhen(values);
    const checked = validateForm(MeetingInput, toMeetingInput(values), SCHEDULE_MESSAGES);
    const hasWhenErrors = Object.keys(whenErrors).length > 0;
    if (hasWhenErrors || checked.problem) {
      // Date and time are checked on their own above; the combined value has no field of its own.
      const { startsAt, ...others } = checked.problem?.fields ?? {};
      const fields = hasWhenErrors ? { ...others, ...whenErrors } : { ...others, ...(startsAt ? { startsAt } : {}) };
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    scheduleMeetings.mutate(checked.data, {
      onSuccess: (list) => {
        const first = list.items[0];
        if (first) onScheduled(first);
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
      <FormAlert message={problem.message} />
      <TextField
        label="Title"
        value={values.title}
        maxLength={200}
        onChange={(event) => change({ title: event.target.value })}
        error={errors.title}
        autoComplete="off"
        required
      />
      <fieldset className="form-section">
        <legend>When</legend>
        <div className="field-row">
          <TextField
            label="Date"
            type="date"
            value={values.date}
            onChange={(event) => change({ date: event.target.value })}
            error={errors.date ?? errors.startsAt}
            required
          />
          <TextField
            label="Start time"
            type="time"
            value={values.time}
            onChange={(event) => change({ time: event.target.value })}
            error={errors.time}
            required
          />
          <TextField
            label="Duration in minutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={600}
            step={5}
            value={values.durationMinutes}
            onChange={(event) => change({ durationMinutes: event.target.value })}
            error={errors.durationMinutes}
            required
          />
        </div>
        <SelectField
          label="Time zone"
          value={values.timezone}
          onChange={(event) => change({ timezone: event.target.value })}
          error={errors.timezone}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="form-section">
        <legend>Where</legend>
        <SelectField
          label="Mode"
          value={values.mode}
          onChange={(event) => change({ mode: MeetingMode.parse(event.target.value) })}
          error={errors.mode}
        >
          {MeetingMode.options.map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Location"
          hint={values.mode === "virtual" ? "Optional for a virtual meeting." : "A room, a library, a school."}
          value={values.location}
          maxLength={300}
          onChange={(event) => change({ location: event.target.value })}
          error={errors.location}
        />
        <TextField
          label="Link"
          type="url"
          inputMode="url"
          hint={values.mode === "in_person" ? "Optional." : "The video call people join with."}
          placeholder="https://"
          value={values.link}
          onChange={(event) => change({ link: event.target.value })}
          error={errors.link}
        />
      </fieldset>
      <ProtocolField
        communityId={communityId}
        value={values.protocolKey}
        onChange={(protocolKey) => change({ protocolKey })}
        error={errors.protocolKey}
      />
      <AgendaRows rows={values.agenda} onChange={(agenda) => change({ agenda })} errors={errors} />
      <RepeatFields values={values} onChange={change} errors={errors} />
      <div className="actions">
        <button type="submit" className="button" disabled={scheduleMeetings.isPending}>
          Schedule meeting
        </button>
      </div>
    </form>
  );
}
