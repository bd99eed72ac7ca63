import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { TextField } from "../../components/Field";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { useMe } from "../auth/me.api";
import { personSearchQuery } from "../communities/members.api";

export type ChosenVisitor = { id: string; name: string };

type VisitorsPickerProps = {
  chosen: readonly ChosenVisitor[];
  onChange: (next: ChosenVisitor[]) => void;
  error?: string | undefined;
};

/** Finds colleagues by name or email; those chosen stay listed while the search changes. */
export function VisitorsPicker({ chosen, onChange, error }: VisitorsPickerProps) {
  const me = useMe();
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query.trim());
  const people = useQuery(personSearchQuery({ q: debounced || undefined }));
  const found = (people.data?.items ?? [])
    .filter((person) => person.id !== me.id && !chosen.some((c) => c.id === person.id))
    .map((person) => ({ id: person.id, name: person.displayName }));
  const offered = [...chosen, ...found];
  return (
    <div className="person-picker">
      <TextField
        label="Find colleagues"
        type="search"
        placeholder="Name or email"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {people.isPending ? (
        <Loading label="Finding colleagues…" />
      ) : people.isError ? (
        <ErrorNotice error={people.error} onRetry={() => people.refetch()} />
      ) : (
        <CheckboxGroup
          legend="Visitors"
          className="person-results"
          hint={offered.length === 0 ? "No one matches. Try another name." : "Choose one or more colleagues."}
          error={error}
          choices={offered.map((person) => ({ value: person.id, label: person.name }))}
          values={chosen.map((person) => person.id)}
          onChange={(ids) => onChange(offered.filter((person) => ids.includes(person.id)))}
        />
      )}
    </div>
  );
}
