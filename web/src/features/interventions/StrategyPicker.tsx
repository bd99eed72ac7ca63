import { useQuery } from "@tanstack/react-query";
import { SelectField, TextAreaField } from "../../components/Field";
import { resourceListQuery } from "../library/library.api";

type StrategyPickerProps = {
  resourceId: string;
  text: string;
  onResourceChange: (id: string) => void;
  onTextChange: (text: string) => void;
  errors: { resource?: string | undefined; text?: string | undefined };
};

/** A strategy from the shared library (the ones the reader can open), or written out, or both. */
export function StrategyPicker({ resourceId, text, onResourceChange, onTextChange, errors }: StrategyPickerProps) {
  const strategies = useQuery(resourceListQuery({ kind: "strategy", sort: "newest", page: 1, pageSize: 100 }));
  const items = strategies.data?.items ?? [];
  return (
    <>
      <SelectField
        label="Strategy from the library"
        value={resourceId}
        error={errors.resource}
        hint={
          strategies.isError
            ? "The library could not be loaded; write the strategy below instead."
            : items.length === 0 && !strategies.isPending
              ? "The library has no strategies you can open yet."
              : undefined
        }
        onChange={(event) => onResourceChange(event.target.value)}
      >
        <option value="">None</option>
        {items.map((resource) => (
          <option key={resource.id} value={resource.id}>
            {resource.title}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Strategy in your words"
        rows={3}
        maxLength={4000}
        value={text}
        error={errors.text}
        onChange={(event) => onTextChange(event.target.value)}
      />
    </>
  );
}
