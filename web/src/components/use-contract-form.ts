import { zodResolver } from "@hookform/resolvers/zod";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import {
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  set,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { problemFromError } from "./form-errors";

/** A contract schema whose input is an object (a request body). */
export type FormSchema = z.ZodType<unknown, FieldValues>;

type ContractFormOptions<S extends FormSchema, V extends FieldValues> = {
  /** The contract's schema: the one place a field's rule is written. */
  schema: S;
  defaultValues: DefaultValues<V>;
  /**
   * The body the schema checks, from values as people type them (text for numbers, a chosen person); left out,
   * the values are the body. Not typed as the schema's input: a blank number becomes null for the schema to refuse.
   */
  toInput?: (values: V) => unknown;
  /**
   * Words for people in place of the schema's, keyed by field path ("name", "roles/0/schoolId"); a function picks
   * them by the rule that failed (zod's issue code: "too_small", "too_big" …), or keeps the schema's (undefined).
   */
  messages?: Record<string, string | ((code: string) => string | undefined)>;
  /**
   * A rule the schema cannot state on its own (it spans fields, or another part of the contract holds it):
   * messages by field path, shown beside the schema's own (a field keeps the schema's message first).
   */
  check?: (values: V) => Record<string, string>;
  /** Runs with the parsed values once the schema accepts them; report a failed request with `showProblem`. */
  onValid: (data: z.output<S>) => void;
};

/** react-hook-form's methods, plus what every Collective form does the same way. */
export type ContractForm<V extends FieldValues, O = V> = UseFormReturn<V, unknown, O> & {
  formRef: RefObject<HTMLFormElement | null>;
  /** The form's submit handler: validates, then calls `onValid`. */
  onSubmit: (event?: FormEvent) => Promise<void>;
  /** The message that belongs to no one field (a conflict, a network failure), or null. */
  formMessage: string | null;
  /** A field's current message, by its path ("name", "roles/0/schoolId"). */
  fieldError: (path: string) => string | undefined;
  /** The first message at a path or anywhere beneath it (a list whose items failed). */
  errorWithin: (path: string) => string | undefined;
  /** Puts a failed request's problem+json onto the fields its JSON pointers name, and the rest above the form. */
  showProblem: (error: unknown) => void;
  /** Shows messages of the form's own (a rule the schema cannot see) as if validation had found them. */
  showFieldErrors: (fields: Record<string, string>) => void;
};

const toFieldName = (path: string) => path.replaceAll("/", ".");

function firstMessage(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  if ("message" in node && typeof node.message === "string") return node.message;
  for (const child of Object.values(node)) {
    const message = firstMessage(child);
    if (message) return message;
  }
  return undefined;
}

/**
 * A form validated by a contract schema (react-hook-form with the zod resolver). `V`, the form's values, may differ
 * from the schema's input: narrower, so that create and edit forms share their fields, or mapped by `toInput`.
 * Messages are keyed by the body's paths. After a failed submit, from the schema or the server, focus moves to the
 * first invalid field so keyboard users land on it.
 */
export function useContractForm<S extends FormSchema, V extends FieldValues = z.input<S>>(
  options: ContractFormOptions<S, V>,
): ContractForm<V, z.output<S>> {
  const { schema, defaultValues, toInput, messages = {}, check, onValid } = options;
  // The resolver checks the body, not the values themselves, which its signature cannot express.
  const schemaResolver = zodResolver(schema) as unknown as Resolver<V, unknown, z.output<S>>;
  const resolver: Resolver<V, unknown, z.output<S>> = async (values, context, resolverOptions) => {
    const body = toInput ? (toInput(values) as V) : values;
    const result = await schemaResolver(body, context, resolverOptions);
    const extra = Object.entries(check?.(values) ?? {});
    if (Object.keys(result.errors).length === 0 && extra.length === 0) return result;
    const errors: FieldErrors<V> = Object.assign({}, result.errors);
    // Our words replace the schema's, even where the contract words a rule for API clients.
    for (const [path, message] of Object.entries(messages)) {
      // A list's own rule ("at least one") sits at its `root` once any of its items is a field.
      const name = get(errors, `${toFieldName(path)}.root`) ? `${toFieldName(path)}.root` : toFieldName(path);
      const error: FieldError | undefined = get(errors, name);
      const words = typeof message === "function" ? message(String(error?.type)) : message;
      if (error?.message && words) set(errors, name, { ...error, message: words });
    }
    for (const [path, message] of extra) {
      if (!get(errors, toFieldName(path))) set(errors, toFieldName(path), { type: "custom", message });
    }
    return { values: {}, errors };
  };
  const form = useForm<V, unknown, z.output<S>>({
    resolver,
    defaultValues,
    // Messages change only when the person submits again, as they always have in Collective.
    reValidateMode: "onSubmit",
    // Focus follows the page's order (below), not the order fields happened to register in.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const { errors, submitCount } = form.formState;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once a failed submit's messages are on the page
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount, focusRequest]);

  function showFieldErrors(fields: Record<string, string>) {
    for (const [path, message] of Object.entries(fields)) {
      form.setError(toFieldName(path) as Path<V>, { type: "server", message });
    }
    setFocusRequest((count) => count + 1);
  }

  function showProblem(error: unknown) {
    const problem = problemFromError(error);
    setFormMessage(problem.message);
    showFieldErrors(problem.fields);
  }

  const onSubmit = form.handleSubmit(
    (data) => {
      setFormMessage(null);
      onValid(data);
    },
    () => setFormMessage(null),
  );

  return {
    ...form,
    formRef,
    onSubmit,
    formMessage,
    fieldError: (path) => {
      const error: { message?: string; root?: { message?: string } } | undefined = get(errors, toFieldName(path));
      return error?.message ?? error?.root?.message;
    },
    errorWithin: (path) => firstMessage(get(errors, toFieldName(path))),
    showProblem,
    showFieldErrors,
  };
}
