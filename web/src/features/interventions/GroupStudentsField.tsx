import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TextField } from "../../components/Field";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { studentsListQuery } from "../students/students.api";
import { EntryTable } from "./EntryTable";

export type StudentChoice = { id: string; name: string; isChosen: boolean; baseline: string };

type GroupStudentsFieldProps = {
  students: readonly StudentChoice[];
  onChange: (students: StudentChoice[]) => void;
  /** The message for a body path ("students/0/baseline"), in the order of the chosen students. */
  errorAt: (path: string) => string | undefined;
  studentsError?: string | undefined;
};

/**
 * The group's students: each offered with a checkbox (all chosen to start with) and a baseline of their own,
 * and a search to add others the reader may see.
 */
export function GroupStudentsField({ students, onChange, errorAt, studentsError }: GroupStudentsFieldProps) {
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
      {students.length > 0 ? (
        <EntryTable label="Students in the group">
          <caption className="visually-hidden">Students in the group, each with an optional baseline</caption>
          <thead>
            <tr>
              <th scope="col">In the group</th>
              <th scope="col">Baseline (optional)</th>
            </tr>
          </thead>
          <tbody>
            {students.map((student) => {
              const index = chosenIndex.get(student.id);
              const at = (field: string) => (index === undefined ? undefined : errorAt(`students/${index}/${field}`));
              const message = at("studentId") ?? at("baseline") ?? at("goal");
              return (
                <tr key={student.id}>
                  <td>
                    <div className="field field-checkbox">
                      <input
                        id={`choose-${student.id}`}
                        type="checkbox"
                        checked={student.isChosen}
                        onChange={(event) => update(student.id, { isChosen: event.target.checked })}
                      />
                      <label htmlFor={`choose-${student.id}`}>{student.name}</label>
                    </div>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`baseline-${student.id}`}>
                      Baseline for {student.name}
                    </label>
                    <input
                      id={`baseline-${student.id}`}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      value={student.baseline}
                      disabled={!student.isChosen}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `student-error-${student.id}` : undefined}
                      onChange={(event) => update(student.id, { baseline: event.target.value })}
                    />
                    {message ? (
                      <p id={`student-error-${student.id}`} className="field-error" role="alert">
                        {message}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </EntryTable>
      ) : null}
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
