import { type FormEvent, useState } from "react";
import { TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";

type SearchBoxProps = { label: string; landmark: string; initial: string | undefined; onSearch: (q: string) => void };

/** A search box that searches when submitted (Enter or the button), so each search is one request. */
export function SearchBox({ label, landmark, initial, onSearch }: SearchBoxProps) {
  const [q, setQ] = useState(initial ?? "");
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(q.trim());
  }
  return (
    <FilterBar label={landmark}>
      <form onSubmit={handleSubmit} className="search-form">
        <TextField
          label={label}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          className="filter-search"
        />
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>
    </FilterBar>
  );
}
