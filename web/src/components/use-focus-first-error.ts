import { type RefObject, useEffect } from "react";
import type { FormProblem } from "./form-errors";

/** After a failed submit, moves focus to the first invalid field so keyboard users land on the problem. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, problem: FormProblem): void {
  useEffect(() => {
    if (Object.keys(problem.fields).length === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [formRef, problem]);
}
