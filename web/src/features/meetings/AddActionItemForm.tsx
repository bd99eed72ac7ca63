import { type FormEvent, useRef, useState } from "react";
import { ActionItemInput, type MeetingDetail } from "../../../../contract/meetings";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useAddActionItem } from "./action-items.api";
import styles from "./ItemList.module.css";

/** Records an action item in this meeting, with an owner from the community and a due date. */
export function AddActionItemForm({ meeting }: { meeting: MeetingDetail }) {
  const addActionItem = useAddActionItem(meeting.communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [added, setAdded] = useState<string | null>(null);
  useFocusFirstError(formRef, problem);
  // Former members keep their attendance but can no longer own new work.
  const members = meeting.attendance.filter((person) => person.teamRole !== "former member");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = { title, ownerId: ownerId || null, dueOn: dueOn || null, meetingId: meeting.id };
    const checked = validateForm(ActionItemInput, values, { title: "Describe the action item." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    setAdded(null);
    addActionItem.mutate(checked.data, {
      onSuccess: (item) => {
        setAdded(item.title);
        setTitle("");
        setOwnerId("");
        setDueOn("");
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      noValidate
      className={`form form-wide ${styles.inlineAdd}`}
      aria-labelledby="add-action-item-heading"
    >
      <h3 id="add-action-item-heading">Add an action item</h3>
      <FormAlert message={problem.message} />
      <TextField
        label="Action item"
        value={title}
        maxLength={500}
        onChange={(event) => setTitle(event.target.value)}
        error={problem.fields.title}
        autoComplete="off"
      />
      <div className="field-row">
        <SelectField
          label="Owner"
          value={ownerId}
          onChange={(event) => setOwnerId(event.target.value)}
          error={problem.fields.ownerId}
        >
          <option value="">No owner yet</option>
          {members.map((person) => (
            <option key={person.personId} value={person.personId}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Due date"
          type="date"
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
          error={problem.fields.dueOn}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={addActionItem.isPending}>
          Add action item
        </button>
        <span role="status" className="save-status">
          {added ? `Added “${added}”.` : ""}
        </span>
      </div>
    </form>
  );
}
