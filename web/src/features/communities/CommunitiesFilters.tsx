import { useQuery } from "@tanstack/react-query";
import { COMMUNITY_KIND_LABELS, COMMUNITY_KINDS, CommunityKind } from "../../../../contract/communities";
import { CheckboxField, SelectField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { SearchFilter } from "../../components/FilterFields";
import { schoolChoicesQuery } from "../schools/schools.api";
import type { CommunitiesSearch } from "./communities-search";

type Filters = Omit<CommunitiesSearch, "page">;

type CommunitiesFiltersProps = { filters: Filters; onChange: (filters: Filters) => void; canFilterBySchool: boolean };

/** Search by name or purpose as one types; narrow by kind, school, membership and archive. */
export function CommunitiesFilters({ filters, onChange, canFilterBySchool }: CommunitiesFiltersProps) {
  const schools = useQuery({ ...schoolChoicesQuery, enabled: canFilterBySchool });

  return (
    <FilterBar label="Filter communities">
      <SearchFilter
        label="Search communities"
        placeholder="Name or purpose"
        search={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
        className="filter-search"
      />
      <SelectField
        label="Kind"
        value={filters.kind ?? ""}
        onChange={(event) => onChange({ ...filters, kind: CommunityKind.safeParse(event.target.value).data })}
      >
        <option value="">All kinds</option>
        {COMMUNITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {COMMUNITY_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      {canFilterBySchool && schools.isSuccess ? (
        <SelectField
          label="School"
          value={filters.schoolId ?? ""}
          onChange={(event) => onChange({ ...filters, schoolId: event.target.value || undefined })}
        >
          <option value="">All schools</option>
          {schools.data.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <CheckboxField
        label="My communities"
        hint="Only those I belong to"
        checked={filters.mine ?? false}
        onChange={(event) => onChange({ ...filters, mine: event.target.checked || undefined })}
      />
      <CheckboxField
        label="Show archived"
        checked={filters.archived ?? false}
        onChange={(event) => onChange({ ...filters, archived: event.target.checked || undefined })}
      />
    </FilterBar>
  );
}
