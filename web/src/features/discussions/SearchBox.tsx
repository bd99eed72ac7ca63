import { type FormEvent, useState } from "react";
import { TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import styles from "./SearchBox.module.css";

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
      <form onSubmit={handleSubmit} className={styles.form}>
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
