import { type FormEvent, useState } from "react";
import { SelectField, TextField } from "./Field";

export type PeriodFilterValues = { schoolId?: string; from?: string; to?: string };

type PeriodFiltersProps = {
  /** The form's accessible name ("Report filters"). */
  label: string;
  submitLabel: string;
  /** The schools to choose from; without any, no school field is shown. */
  schools: readonly { id: string; name: string }[];
  /** The first option, which leaves the school out (the whole district, or all of the reader's schools). */
  allSchoolsLabel?: string;
  initial: { schoolId: string; from: string; to: string };
  onApply: (filters: PeriodFilterValues) => void;
};

/** A school and a period (from, to) for a leaders' report, applied together; the period must not run backwards. */
export function PeriodFilters({ label, submitLabel, schools, allSchoolsLabel, initial, onApply }: PeriodFiltersProps) {
  const [schoolId, setSchoolId] = useState(initial.schoolId);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const error = from && to && from > to ? "The period must start before it ends." : undefined;
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (error) return;
    onApply({ schoolId: schoolId || undefined, from: from || undefined, to: to || undefined });
  }
  return (
    <form className="filters" onSubmit={handleSubmit} aria-label={label}>
      {schools.length > 0 ? (
        <SelectField label="School" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
          {allSchoolsLabel ? <option value="">{allSchoolsLabel}</option> : null}
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField label="From" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <TextField label="To" type="date" value={to} error={error} onChange={(event) => setTo(event.target.value)} />
      <div className="field">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A report's downloads, side by side; the first may be the primary one. */
export function ReportDownloads({ links }: { links: readonly { label: string; href: string; primary?: boolean }[] }) {
  return (
    <div className="analysis-downloads">
      {links.map((link) => (
        <a key={link.href} className={link.primary ? "button" : "button button-secondary"} href={link.href} download>
          {link.label}
        </a>
      ))}
    </div>
  );
}
