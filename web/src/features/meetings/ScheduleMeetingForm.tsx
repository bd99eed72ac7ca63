import { useMemo } from "react";
import type { FieldErrors as FormStateErrors } from "react-hook-form";
import { MeetingInput, MeetingMode, type MeetingSummary } from "../../../../contract/meetings";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import type { FieldErrors } from "../../components/form-errors";
import { useContractForm } from "../../components/use-contract-form";
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

/** Every message of the form by its body path ("agenda/0/title"), the shape the agenda and repeat fields take. */
function messagesByPath(node: unknown, path: string[] = [], into: FieldErrors = {}): FieldErrors {
  if (typeof node !== "object" || node === null) return into;
  if ("message" in node && typeof node.message === "string") {
    into[path.join("/")] ??= node.message;
    return into;
  }
  for (const [key, child] of Object.entries(node)) messagesByPath(child, [...path, key], into);
  return into;
}

/** Date and time are checked on their own; the combined start shows under the date only when both are given. */
function scheduleErrors(formErrors: FormStateErrors<ScheduleValues>): FieldErrors {
  const { startsAt, ...others } = messagesByPath(formErrors);
  return others.date || others.time || !startsAt ? others : { ...others, startsAt };
}

/** Schedules a community's meeting, once or repeating, with its agenda and protocol. */
export function ScheduleMeetingForm({ communityId, onScheduled }: ScheduleMeetingFormProps) {
  const scheduleMeetings = useScheduleMeetings(communityId);
  const form = useContractForm<typeof MeetingInput, ScheduleValues>({
    schema: MeetingInput,
    defaultValues: emptySchedule(),
    toInput: toMeetingInput,
    messages: SCHEDULE_MESSAGES,
    check: checkWhen,
    onValid: (input) =>
      scheduleMeetings.mutate(input, {
        onSuccess: (list) => {
          const first = list.items[0];
          if (first) onScheduled(first);
        },
        onError: form.showProblem,
      }),
  });
  const values = form.watch();
  const zones = useMemo(() => timeZones(values.timezone), [values.timezone]);
  const errors = scheduleErrors(form.formState.errors);
  const change = (patch: Partial<ScheduleValues>) => {
    // Object.entries forgets which value goes with which key; each came from a patch of ScheduleValues.
    for (const [name, value] of Object.entries(patch) as [keyof ScheduleValues, unknown][]) {
      form.setValue(name, value as never);
    }
  };

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
      <FormAlert message={form.formMessage} />
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
