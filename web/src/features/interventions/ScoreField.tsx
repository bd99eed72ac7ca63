import { TextField } from "../../components/Field";

type ScoreFieldProps = {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (event: { target: { value: string } }) => void;
};

/** A progress-monitoring score (a baseline or a goal): any number, decimals allowed. */
export function ScoreField({ label, value, error, onChange }: ScoreFieldProps) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      step="any"
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}
