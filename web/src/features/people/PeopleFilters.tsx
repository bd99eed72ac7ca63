import { useQuery } from "@tanstack/react-query";
import { PersonStatus, ROLE_LABELS, ROLES, RoleName } from "../../../../contract/people";
import { SelectField, TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { useDebouncedSearch } from "../../components/use-debounced-search";
import { schoolChoicesQuery } from "../schools/schools.api";
import { type PeopleSearch, STATUS_LABELS } from "./people-search";

type Filters = Pick<PeopleSearch, "q" | "role" | "schoolId" | "status">;

type PeopleFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

/** Search by name or email as one types, and narrow by role, school and status. */
export function PeopleFilters({ filters, onChange }: PeopleFiltersProps) {
  const schools = useQuery(schoolChoicesQuery);
  const [query, setQuery] = useDebouncedSearch(filters.q, (q) => onChange({ ...filters, q }));

  return (
    <FilterBar label="Filter people">
      <TextField
        label="Search people"
        type="search"
        placeholder="Name or email"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="filter-search"
      />
      <SelectField
        label="Role"
        value={filters.role ?? ""}
        onChange={(event) => onChange({ ...filters, role: RoleName.safeParse(event.target.value).data })}
      >
        <option value="">All roles</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="School"
        value={filters.schoolId ?? ""}
        onChange={(event) => onChange({ ...filters, schoolId: event.target.value || undefined })}
      >
        <option value="">All schools</option>
        {(schools.data ?? []).map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={filters.status ?? ""}
        onChange={(event) => onChange({ ...filters, status: PersonStatus.safeParse(event.target.value).data })}
      >
        <option value="">Any status</option>
        {PersonStatus.options.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
    </FilterBar>
  );
}
