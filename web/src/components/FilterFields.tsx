import { SelectField, TextField } from "./Field";
import { useDebouncedSearch } from "./use-debounced-search";

type SearchFilterProps = {
  label: string;
  placeholder?: string | undefined;
  hint?: string;
  /** The list's current search; `onSearch` hears the new one once typing pauses. */
  search: string | undefined;
  onSearch: (search: string | undefined) => void;
  className?: string;
};

/** A filter bar's search box: the list follows what is typed once typing pauses. */
export function SearchFilter({ label, placeholder, hint, search, onSearch, className }: SearchFilterProps) {
  const [text, setText] = useDebouncedSearch(search, onSearch);
  return (
    <TextField
      label={label}
      type="search"
      placeholder={placeholder}
      hint={hint}
      value={text}
      onChange={(event) => setText(event.target.value)}
      className={className}
    />
  );
}

type ChoiceFilterProps = {
  label: string;
  /** The first option, which clears this filter ("All schools"). */
  anyLabel: string;
  choices: readonly { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  hint?: string | undefined;
};

/** A filter bar's select: one choice, or the first option for any. */
export function ChoiceFilter({ label, anyLabel, choices, value, onChange, hint }: ChoiceFilterProps) {
  return (
    <SelectField
      label={label}
      hint={hint}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  );
}
