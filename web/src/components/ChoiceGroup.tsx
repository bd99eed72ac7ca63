import { type ReactNode, useId } from "react";
import styles from "./ChoiceGroup.module.css";

type Choice<T extends string> = { value: T; label: ReactNode; hint?: ReactNode; disabled?: boolean };

type GroupFrameProps = {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  isInline?: boolean;
  className?: string;
  children: (describedBy: string | undefined) => ReactNode;
};

/** A fieldset whose legend names the group, with its hint and error tied to it for screen readers. */
function GroupFrame({ legend, hint, error, isInline = false, className, children }: GroupFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={[styles.group, isInline ? styles.inline : null, className].filter(Boolean).join(" ")}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.options}>{children(describedBy)}</div>
    </fieldset>
  );
}

type RadioGroupProps<T extends string> = Omit<GroupFrameProps, "children"> & {
  name?: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  isDisabled?: boolean;
};

/** One choice out of a few, as native radio buttons (arrow keys move between them). */
export function RadioGroup<T extends string>({
  name,
  choices,
  value,
  onChange,
  isDisabled,
  ...frame
}: RadioGroupProps<T>) {
  const generatedName = useId();
  return (
    <GroupFrame {...frame}>
      {(describedBy) =>
        choices.map((choice) => (
          <Option
            key={choice.value}
            type="radio"
            name={name ?? generatedName}
            choice={choice}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            describedBy={describedBy}
            isInvalid={Boolean(frame.error)}
            isDisabled={isDisabled}
          />
        ))
      }
    </GroupFrame>
  );
}

type CheckboxGroupProps<T extends string> = Omit<GroupFrameProps, "children"> & {
  choices: readonly Choice<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
};

/** Any number of choices out of a list, as native checkboxes. */
export function CheckboxGroup<T extends string>({ choices, values, onChange, ...frame }: CheckboxGroupProps<T>) {
  return (
    <GroupFrame {...frame}>
      {(describedBy) =>
        choices.map((choice) => (
          <Option
            key={choice.value}
            type="checkbox"
            choice={choice}
            checked={values.includes(choice.value)}
            onChange={(checked) =>
              onChange(checked ? [...values, choice.value] : values.filter((value) => value !== choice.value))
            }
            describedBy={describedBy}
            isInvalid={Boolean(frame.error)}
          />
        ))
      }
    </GroupFrame>
  );
}

type OptionProps<T extends string> = {
  type: "radio" | "checkbox";
  name?: string;
  choice: Choice<T>;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy: string | undefined;
  isInvalid: boolean;
  isDisabled?: boolean | undefined;
};

function Option<T extends string>({ type, name, choice, checked, onChange, describedBy, ...state }: OptionProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const descriptions = [choice.hint ? hintId : null, describedBy ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.choice}>
      <input
        id={id}
        type={type}
        name={name}
        value={choice.value}
        checked={checked}
        disabled={state.isDisabled || choice.disabled}
        aria-invalid={state.isInvalid ? true : undefined}
        aria-describedby={descriptions}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{choice.label}</label>
      {choice.hint ? (
        <span id={hintId} className={styles.hint}>
          {choice.hint}
        </span>
      ) : null}
    </div>
  );
}
