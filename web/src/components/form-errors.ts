import type { z } from "zod";
import { ApiError } from "../api/client";

/** Field messages keyed by the field's path inside the body: "email", "roles/0/schoolId". */
export type FieldErrors = Record<string, string>;

export type FormProblem = { fields: FieldErrors; message: string | null };

export const NO_PROBLEM: FormProblem = { fields: {}, message: null };

/**
 * Validates form values with a contract schema before sending them. `messages` replaces zod's
 * technical wording with words for people, per field path.
 */
export function validateForm<T extends z.ZodType>(
  schema: T,
  values: unknown,
  messages: Record<string, string> = {},
): { data: z.infer<T>; problem: null } | { data: null; problem: FormProblem } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, problem: null };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join("/");
    fields[path] ??= messages[path] ?? issue.message;
  }
  return { data: null, problem: { fields, message: null } };
}

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
