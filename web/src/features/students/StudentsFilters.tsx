import { useQuery } from "@tanstack/react-query";
import { gradeLabel } from "../../../../contract/standards";
import { SelectField, TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { useDebouncedSearch } from "../../components/use-debounced-search";
import { schoolChoicesQuery } from "../schools/schools.api";
import { studentFiltersQuery } from "./students.api";
import type { StudentsSearch } from "./students-search";

type Filters = Pick<StudentsSearch, "q" | "schoolId" | "classId" | "grade">;

type StudentsFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

/** Search by name or student number as one types, and narrow by school, class and grade. */
export function StudentsFilters({ filters, onChange }: StudentsFiltersProps) {
  const schools = useQuery(schoolChoicesQuery);
  const choices = useQuery(studentFiltersQuery(filters.schoolId));
  const [query, setQuery] = useDebouncedSearch(filters.q, (q) => onChange({ ...filters, q }));

  return (
    <FilterBar label="Filter students">
      <TextField
        label="Search students"
        type="search"
        placeholder="Name or student number"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="filter-search"
      />
      <SelectField
        label="School"
        value={filters.schoolId ?? ""}
        onChange={(event) => onChange({ ...filters, schoolId: event.target.value || undefined, classId: undefined })}
      >
        <option value="">All schools</option>
        {(schools.data ?? []).map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Class"
        value={filters.classId ?? ""}
        hint={choices.data?.hasMoreClasses ? "Choose a school to see all its classes." : undefined}
        onChange={(event) => onChange({ ...filters, classId: event.target.value || undefined })}
      >
        <option value="">All classes</option>
        {(choices.data?.classes ?? []).map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.title} · {choice.schoolName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Grade"
        value={filters.grade ?? ""}
        onChange={(event) => onChange({ ...filters, grade: event.target.value || undefined })}
      >
        <option value="">All grades</option>
        {(choices.data?.grades ?? []).map((grade) => (
          <option key={grade} value={grade}>
            {gradeLabel(grade)}
          </option>
        ))}
      </SelectField>
    </FilterBar>
  );
}
