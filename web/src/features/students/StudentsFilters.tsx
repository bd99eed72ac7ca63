import { useQuery } from "@tanstack/react-query";
import { gradeLabel } from "../../../../contract/standards";
import { SelectField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { ChoiceFilter, SearchFilter } from "../../components/FilterFields";
import { schoolChoicesQuery } from "../schools/schools.api";
import { studentFiltersQuery } from "./students.api";
import type { StudentsSearch } from "./students-search";

type Filters = Pick<StudentsSearch, "q" | "schoolId" | "classId" | "grade">;

type StudentsFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

/** Search by name or student number as one types, and narrow by school, class and grade. */
export function StudentsFilters({ filters, onChange }: StudentsFiltersProps) {
  const schools = useQuery(schoolChoicesQuery);
  const choices = useQuery(studentFiltersQuery(filters.schoolId));

  return (
    <FilterBar label="Filter students">
      <SearchFilter
        label="Search students"
        placeholder="Name or student number"
        search={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
        className="filter-search"
      />
      <ChoiceFilter
        label="School"
        anyLabel="All schools"
        choices={(schools.data ?? []).map((school) => ({ value: school.id, label: school.name }))}
        value={filters.schoolId}
        onChange={(schoolId) => onChange({ ...filters, schoolId, classId: undefined })}
      />
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
