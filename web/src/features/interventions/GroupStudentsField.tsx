import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TextField } from "../../components/Field";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { studentsListQuery } from "../students/students.api";

export type StudentChoice = { id: string; name: string; isChosen: boolean; baseline: string };

type GroupStudentsFieldProps = {
  students: readonly StudentChoice[];
  onChange: (students: StudentChoice[]) => void;
  /** Field messages keyed by the body path ("students/0/baseline"), in the order of the chosen students. */
  errors: Record<string, string>;
  studentsError?: string | undefined;
};

/**
 * The group's students: each offered with a checkbox (all chosen to start with) and a baseline of their own,
 * and a search to add others the reader may see.
 */
export function GroupStudentsField({ students, onChange, errors, studentsError }: GroupStudentsFieldProps) {
  const [query, setQuery] = useState("");
  const q = useDebouncedValue(query.trim());
  const found = useQuery({
    ...studentsListQuery({ q, sort: "name", page: 1, pageSize: 8 }),
    enabled: q.length >= 2,
  });
  const chosenIndex = new Map(students.filter((s) => s.isChosen).map((s, index) => [s.id, index]));
  const update = (id: string, change: Partial<StudentChoice>) =>
    onChange(students.map((s) => (s.id === id ? { ...s, ...change } : s)));

  return (
    <fieldset aria-describedby={studentsError ? "group-students-error" : undefined}>
      <legend>Students</legend>
      {studentsError ? (
        <p id="group-students-error" className="field-error" role="alert">
          {studentsError}
        </p>
      ) : null}
      {students.length === 0 ? <p className="muted">No students yet. Find them by name below.</p> : null}
      <ul className="student-choices">
        {students.map((student) => {
          const index = chosenIndex.get(student.id);
          const at = (field: string) => (index === undefined ? undefined : errors[`students/${index}/${field}`]);
          return (
            <li key={student.id} className="student-choice">
              <div className="field field-checkbox">
                <input
                  id={`choose-${student.id}`}
                  type="checkbox"
                  checked={student.isChosen}
                  onChange={(event) => update(student.id, { isChosen: event.target.checked })}
                />
                <label htmlFor={`choose-${student.id}`}>{student.name}</label>
                {at("studentId") ? (
                  <p className="field-error" role="alert">
                    {at("studentId")}
                  </p>
                ) : null}
              </div>
              <TextField
                label={`Baseline for ${student.name} (optional)`}
                type="number"
                inputMode="decimal"
                step="any"
                value={student.baseline}
                disabled={!student.isChosen}
                error={at("baseline")}
                onChange={(event) => update(student.id, { baseline: event.target.value })}
              />
            </li>
          );
        })}
      </ul>
      <TextField
        label="Add a student"
        type="search"
        placeholder="Type at least two letters of a name"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {q.length >= 2 && found.data ? (
        <ul className="link-list">
          {found.data.items
            .filter((s) => !students.some((c) => c.id === s.id))
            .map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    onChange([...students, { id: s.id, name: s.name, isChosen: true, baseline: "" }]);
                    setQuery("");
                  }}
                >
                  Add {s.name}
                </button>
              </li>
            ))}
          {found.data.items.length === 0 ? <li className="muted">No student matches.</li> : null}
        </ul>
      ) : null}
    </fieldset>
  );
}
