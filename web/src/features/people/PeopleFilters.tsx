import { useQuery } from "@tanstack/react-query";
import { PersonStatus, ROLE_LABELS, ROLES, RoleName } from "../../../../contract/people";
import { SelectField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { ChoiceFilter, SearchFilter } from "../../components/FilterFields";
import { schoolChoicesQuery } from "../schools/schools.api";
import { type PeopleSearch, STATUS_LABELS } from "./people-search";

type Filters = Pick<PeopleSearch, "q" | "role" | "schoolId" | "status">;

type PeopleFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

/** Search by name or email as one types, and narrow by role, school and status. */
export function PeopleFilters({ filters, onChange }: PeopleFiltersProps) {
  const schools = useQuery(schoolChoicesQuery);

  return (
    <FilterBar label="Filter people">
      <SearchFilter
        label="Search people"
        placeholder="Name or email"
        search={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
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
      <ChoiceFilter
        label="School"
        anyLabel="All schools"
        choices={(schools.data ?? []).map((school) => ({ value: school.id, label: school.name }))}
        value={filters.schoolId}
        onChange={(schoolId) => onChange({ ...filters, schoolId })}
      />
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
