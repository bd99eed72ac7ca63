import { SelectField, TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { SearchFilter } from "../../components/FilterFields";
import { type AuditSearch, SUBJECT_TYPES } from "./audit-search";

type Filters = Omit<AuditSearch, "page">;

/** Narrows the log by action prefix ("person."), subject type and a range of days. */
export function AuditFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const isRangeReversed = Boolean(filters.from && filters.to && filters.from > filters.to);

  return (
    <FilterBar label="Filter the audit log">
      <SearchFilter
        label="Action"
        placeholder="e.g. person. or auth.sign_in"
        hint="Matches actions that start with this text."
        search={filters.action}
        onSearch={(action) => onChange({ ...filters, action })}
      />
      <SelectField
        label="Subject type"
        value={filters.subjectType ?? ""}
        onChange={(event) => onChange({ ...filters, subjectType: event.target.value || undefined })}
      >
        <option value="">Any subject</option>
        {SUBJECT_TYPES.map((type) => (
          <option key={type.value} value={type.value}>
            {type.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="From"
        type="date"
        value={filters.from ?? ""}
        max={filters.to}
        onChange={(event) => onChange({ ...filters, from: event.target.value || undefined })}
      />
      <TextField
        label="To"
        type="date"
        value={filters.to ?? ""}
        min={filters.from}
        onChange={(event) => onChange({ ...filters, to: event.target.value || undefined })}
        error={isRangeReversed ? "The end date is before the start date." : undefined}
      />
    </FilterBar>
  );
}
