import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { StandardHit } from "../../../../contract/standards";
import { TextField } from "../../components/Field";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { standardSearchQuery } from "./essentials.api";
import styles from "./StandardPicker.module.css";

type StandardPickerProps = { selected: StandardHit | null; onSelect: (hit: StandardHit) => void; error?: string };

/** Finds a standard in the district's frameworks by code or words, and picks one. */
export function StandardPicker({ selected, onSelect, error }: StandardPickerProps) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const results = useQuery(standardSearchQuery(q));
  const groupName = useId();
  const hits = results.data?.items ?? [];
  return (
    <fieldset className="form-section standard-picker">
      <legend>Standard</legend>
      <TextField
        label="Search the district's standards"
        hint="A code such as RL.4.2, or words from the standard."
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={error}
        autoComplete="off"
      />
      {selected ? (
        <p className={styles.picked} role="status">
          Chosen: <strong>{selected.code ?? "—"}</strong> {selected.statement}
        </p>
      ) : null}
      {q && results.isPending ? <Loading label="Searching…" /> : null}
      {results.isError ? <ErrorNotice error={results.error} /> : null}
      {q && results.isSuccess && hits.length === 0 ? <p className="muted">No standard matches “{q}”.</p> : null}
      {hits.length ? (
        <ul className={styles.hits} aria-label="Matching standards">
          {hits.map((hit) => (
            <li key={hit.id}>
              <label>
                <input type="radio" name={groupName} checked={selected?.id === hit.id} onChange={() => onSelect(hit)} />{" "}
                <strong>{hit.code ?? "—"}</strong> {hit.statement} <span className="muted">({hit.frameworkTitle})</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
