import { useState } from "react";
import { ActionItemInput, type MeetingDetail } from "../../../../contract/meetings";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useAddActionItem } from "./action-items.api";
import styles from "./ItemList.module.css";

/** The fields as typed: no owner and no date are blank text. */
type ActionItemValues = { title: string; ownerId: string; dueOn: string };

const EMPTY: ActionItemValues = { title: "", ownerId: "", dueOn: "" };

/** Records an action item in this meeting, with an owner from the community and a due date. */
export function AddActionItemForm({ meeting }: { meeting: MeetingDetail }) {
  const addActionItem = useAddActionItem(meeting.communityId);
  const [added, setAdded] = useState<string | null>(null);
  const form = useContractForm<typeof ActionItemInput, ActionItemValues>({
    schema: ActionItemInput,
    defaultValues: EMPTY,
    toInput: ({ title, ownerId, dueOn }) => ({
      title,
      ownerId: ownerId || null,
      dueOn: dueOn || null,
      meetingId: meeting.id,
    }),
    messages: { title: "Describe the action item." },
    onValid: (input) => {
      setAdded(null);
      addActionItem.mutate(input, {
        onSuccess: (item) => {
          setAdded(item.title);
          form.reset(EMPTY);
        },
        onError: form.showProblem,
      });
    },
  });
  // Former members keep their attendance but can no longer own new work.
  const members = meeting.attendance.filter((person) => person.teamRole !== "former member");

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className={`form form-wide ${styles.inlineAdd}`}
      aria-labelledby="add-action-item-heading"
    >
      <h3 id="add-action-item-heading">Add an action item</h3>
      <FormAlert message={form.formMessage} />
      <TextField
        label="Action item"
        maxLength={500}
        {...form.register("title")}
        error={form.fieldError("title")}
        autoComplete="off"
      />
      <div className="field-row">
        <SelectField label="Owner" {...form.register("ownerId")} error={form.fieldError("ownerId")}>
          <option value="">No owner yet</option>
          {members.map((person) => (
            <option key={person.personId} value={person.personId}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
        <TextField label="Due date" type="date" {...form.register("dueOn")} error={form.fieldError("dueOn")} />
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
