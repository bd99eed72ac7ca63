import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Person, ROLE_LABELS } from "../../../../contract/people";
import { RadioGroup } from "../../components/ChoiceGroup";
import { SelectField, TextField } from "../../components/Field";
import { QueryResult } from "../../components/QueryResult";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { schoolChoicesQuery } from "../schools/schools.api";
import { personSearchQuery } from "./members.api";
import styles from "./PersonPicker.module.css";

export type ChosenPerson = { id: string; displayName: string };

type PersonPickerProps = {
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson) => void;
  /** People already in the community: shown, but not offered again. */
  memberIds: readonly string[];
  error?: string | undefined;
  /** Offer only staff (educators and leaders), never family or community members. */
  staffOnly?: boolean;
};

function describePerson(person: Person): string {
  return person.roles
    .map((role) => `${ROLE_LABELS[role.role]}${role.schoolName ? ` · ${role.schoolName}` : ""}`)
    .join("; ");
}

/** Finds a person of the district by name, email or school, and offers the matches as choices. */
export function PersonPicker({ chosen, onChoose, memberIds, error, staffOnly = false }: PersonPickerProps) {
  const schools = useQuery(schoolChoicesQuery);
  const [query, setQuery] = useState("");
  const [schoolId, setSchoolId] = useState("");
  const debouncedQuery = useDebouncedValue(query.trim());
  const people = useQuery(
    personSearchQuery({
      q: debouncedQuery || undefined,
      schoolId: schoolId || undefined,
      staff: staffOnly ? "true" : undefined,
    }),
  );
  const items = people.data?.items ?? [];
  // Keep the chosen person offered even when a new search no longer finds them.
  const isChosenListed = chosen === null || items.some((person) => person.id === chosen.id);

  return (
    <div className="person-picker">
      <div className={styles.filters}>
        <TextField
          label="Search people"
          type="search"
          placeholder="Name or email"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <SelectField label="School" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
          <option value="">All schools</option>
          {(schools.data ?? []).map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryResult query={people} loadingLabel="Finding people…">
        {(data) => (
          <RadioGroup
            legend="Person"
            className="person-results"
            hint={
              data.total > items.length
                ? `Showing ${items.length} of ${data.total} people. Type more of a name to narrow the list.`
                : items.length === 0
                  ? "No one matches. Try another name or school."
                  : undefined
            }
            error={error}
            value={chosen?.id ?? null}
            onChange={(id) => {
              const person = items.find((candidate) => candidate.id === id);
              if (person) onChoose({ id: person.id, displayName: person.displayName });
            }}
            choices={[
              ...(isChosenListed || !chosen ? [] : [{ value: chosen.id, label: chosen.displayName }]),
              ...items.map((person) => {
                const isMember = memberIds.includes(person.id);
                return {
                  value: person.id,
                  label: person.displayName,
                  hint: isMember ? "Already a member" : describePerson(person),
                  disabled: isMember,
                };
              }),
            ]}
          />
        )}
      </QueryResult>
    </div>
  );
}
