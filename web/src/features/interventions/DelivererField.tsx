import { type ChosenPerson, PersonPicker } from "../communities/PersonPicker";

type DelivererFieldProps = {
  deliverer: ChosenPerson | null;
  onChoose: (person: ChosenPerson | null) => void;
  error: string | undefined;
  /** What the line under the heading says while nobody is chosen. */
  noneText: string;
};

/**
 * Who delivers a plan or a group's sessions: staff only (never a family or community member), found by name and
 * school; the server accepts active staff of the students' school.
 */
export function DelivererField({ deliverer, onChoose, error, noneText }: DelivererFieldProps) {
  return (
    <>
      <h3>Delivered by</h3>
      <p className="muted">{deliverer ? `Chosen: ${deliverer.displayName}` : noneText}</p>
      <PersonPicker chosen={deliverer} onChoose={onChoose} memberIds={[]} error={error} staffOnly />
    </>
  );
}
