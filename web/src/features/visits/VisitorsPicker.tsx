import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { SearchFilter } from "../../components/FilterFields";
import { QueryResult } from "../../components/QueryResult";
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
  const [search, setSearch] = useState<string | undefined>();
  const people = useQuery(personSearchQuery({ q: search }));
  const found = (people.data?.items ?? [])
    .filter((person) => person.id !== me.id && !chosen.some((c) => c.id === person.id))
    .map((person) => ({ id: person.id, name: person.displayName }));
  const offered = [...chosen, ...found];
  return (
    <div className="person-picker">
      <SearchFilter label="Find colleagues" placeholder="Name or email" search={search} onSearch={setSearch} />
      <QueryResult query={people} loadingLabel="Finding colleagues…">
        {() => (
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
      </QueryResult>
    </div>
  );
}
