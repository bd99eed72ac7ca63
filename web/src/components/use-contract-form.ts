import { zodResolver } from "@hookform/resolvers/zod";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { type DefaultValues, type FieldValues, get, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { problemFromError } from "./form-errors";

/** A contract schema whose input is a form's values (an object). */
type FormSchema = z.ZodType<unknown, FieldValues>;

type ContractFormOptions<S extends FormSchema> = {
  /** The contract's schema: the one place a field's rule is written. */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** Words for people in place of zod's technical wording, keyed by field path ("name", "roles/0/schoolId"). */
  messages?: Record<string, string>;
  /** Runs with the parsed values once the schema accepts them; report a failed request with `showProblem`. */
  onValid: (data: z.output<S>) => void;
};

export type ContractForm<S extends FormSchema> = {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  formRef: RefObject<HTMLFormElement | null>;
  handleSubmit: (event?: FormEvent) => Promise<void>;
  /** The message that belongs to no one field (a conflict, a network failure), or null. */
  formMessage: string | null;
  /** A field's current message, by its path ("name", "roles/0/schoolId"). */
  fieldError: (path: string) => string | undefined;
  /** Puts a failed request's problem+json onto the fields its JSON pointers name, and the rest above the form. */
  showProblem: (error: unknown) => void;
  /** Shows messages of the form's own (a rule the schema cannot see) as if validation had found them. */
  showFieldErrors: (fields: Record<string, string>) => void;
};

const toFieldName = (path: string) => path.replaceAll("/", ".");

/**
 * A form validated by a contract schema (react-hook-form with the zod resolver). After a failed submit,
 * from the schema or the server, focus moves to the first invalid field so keyboard users land on it.
 */
export function useContractForm<S extends FormSchema>({
  schema,
  defaultValues,
  messages = {},
  onValid,
}: ContractFormOptions<S>): ContractForm<S> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, {
      error: (issue) => messages[(issue.path ?? []).map(String).join("/")],
    }),
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the failed submit's messages are on the page
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount, focusRequest]);

  function showFieldErrors(fields: Record<string, string>) {
    for (const [path, message] of Object.entries(fields)) {
      form.setError(toFieldName(path) as Path<z.input<S>>, { type: "server", message });
    }
    setFocusRequest((count) => count + 1);
  }

  function showProblem(error: unknown) {
    const problem = problemFromError(error);
    setFormMessage(problem.message);
    showFieldErrors(problem.fields);
  }

  const handleSubmit = form.handleSubmit(
    (data) => {
      setFormMessage(null);
      onValid(data);
    },
    () => setFormMessage(null),
  );

  return {
    form,
    formRef,
    handleSubmit,
    formMessage,
    fieldError: (path) => {
      const error: { message?: string } | undefined = get(errors, toFieldName(path));
      return error?.message;
    },
    showProblem,
    showFieldErrors,
  };
}
