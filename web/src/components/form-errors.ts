import { ApiError } from "../api/client";

/** Field messages keyed by the field's path inside the body: "email", "roles/0/schoolId". */
export type FieldErrors = Record<string, string>;

export type FormProblem = { fields: FieldErrors; message: string | null };

/** Turns a failed request into field messages (from problem+json pointers) and a form-level message. */
export function problemFromError(error: unknown): FormProblem {
  if (!(error instanceof ApiError)) {
    return { fields: {}, message: "Something went wrong. Try again." };
  }
  const fields: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const fieldError of error.fieldErrors) {
    // Only body fields have an input to attach to; a bad path or query parameter is the page's problem.
    const path = fieldError.pointer.startsWith("/body/") ? fieldError.pointer.slice("/body/".length) : "";
    if (path) fields[path] ??= fieldError.detail;
    else elsewhere.push(fieldError.detail);
  }
  const hasFieldErrors = Object.keys(fields).length > 0;
  const message = hasFieldErrors && elsewhere.length === 0 ? null : (error.detail ?? error.title);
  return { fields, message };
}
