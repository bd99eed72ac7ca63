import { type FormEvent, useState } from "react";
import {
  GRADE_LEVELS,
  GradeLevel,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  RESOURCE_SCOPE_LABELS,
  RESOURCE_SCOPES,
  ResourceKind,
  ResourceScope,
  ResourceSort,
} from "../../../../contract/library";
import { SelectField, TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import styles from "./LibraryFilters.module.css";
import type { LibrarySearch } from "./library-search";

type Filters = Omit<LibrarySearch, "page" | "communityId">;

const SORT_LABELS = { relevance: "Relevance", newest: "Newest", useful: "Most useful" } as const;

/** Search words and filters, applied together when the form is sent. */
export function LibraryFilters({ filters, onApply }: { filters: Filters; onApply: (next: Filters) => void }) {
  const [q, setQ] = useState(filters.q ?? "");
  const [kind, setKind] = useState(filters.kind ?? "");
  const [scope, setScope] = useState(filters.scope ?? "");
  const [gradeLevel, setGradeLevel] = useState(filters.gradeLevel ?? "");
  const [subject, setSubject] = useState(filters.subject ?? "");
  const [tag, setTag] = useState(filters.tag ?? "");
  const [sort, setSort] = useState<string>(filters.sort ?? "relevance");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      kind: ResourceKind.safeParse(kind).data,
      scope: ResourceScope.safeParse(scope).data,
      gradeLevel: GradeLevel.safeParse(gradeLevel).data,
      subject: subject.trim() || undefined,
      tag: tag.trim().toLowerCase() || undefined,
      sort: sort === "relevance" ? undefined : ResourceSort.safeParse(sort).data,
    });
  }

  return (
    <FilterBar label="Library">
      <form onSubmit={handleSubmit} className={styles.form}>
        <TextField
          label="Search the library"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          className="filter-search"
        />
        <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value="">Any kind</option>
          {RESOURCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {RESOURCE_KIND_LABELS[value]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Shared with" value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="">Anyone</option>
          {RESOURCE_SCOPES.map((value) => (
            <option key={value} value={value}>
              {RESOURCE_SCOPE_LABELS[value]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Grade level" value={gradeLevel} onChange={(event) => setGradeLevel(event.target.value)}>
          <option value="">Any grade</option>
          {GRADE_LEVELS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        <TextField label="Subject" value={subject} onChange={(event) => setSubject(event.target.value)} />
        <TextField label="Tag" value={tag} onChange={(event) => setTag(event.target.value)} />
        <SelectField label="Sort by" value={sort} onChange={(event) => setSort(event.target.value)}>
          {ResourceSort.options.map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
    </FilterBar>
  );
}
