import type { z } from "zod";
import { Problem } from "../../../contract/problem";

export type FieldError = { pointer: string; detail: string };

/** A failed API call, carrying the problem+json the server sent (RFC 9457). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The problem+json body as sent, for a feature that reads an extension member of its own. */
  readonly body: unknown;

  constructor(status: number, title: string, detail?: string, fieldErrors: FieldError[] = [], body: unknown = null) {
    super(detail ?? title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.body = body;
  }

  /** The message for one field, by its JSON pointer ("/body/email"). */
  fieldError(pointer: string): string | undefined {
    return this.fieldErrors.find((error) => error.pointer === pointer)?.detail;
  }
}

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /**
   * Leaves a 401 to the caller instead of sending the user to sign in: sign-in answers 401 for wrong
   * credentials, and the session check before each signed-in page redirects on its own.
   */
  isUnauthorizedExpected?: boolean;
};

let handleUnauthorized: () => void = () => {};

/** Registers what happens when any call finds the session gone (the app sends the user to sign in). */
export function onUnauthorized(handler: () => void): void {
  handleUnauthorized = handler;
}

/** Builds "/api/v1/path?a=1", leaving out empty parameters because the server rejects blank enums. */
function apiUrl(path: string, query?: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ""}`;
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return problemToError(response.status, response.statusText, body);
}

/** A failed answer's body (problem+json, or anything else) as an ApiError. */
export function problemToError(status: number, statusText: string, body: unknown): ApiError {
  const problem = Problem.safeParse(body);
  if (problem.success) {
    const { status, title, detail, errors } = problem.data;
    return new ApiError(status, title, detail, errors, body);
  }
  return new ApiError(status, statusText || "Request failed", "The server answered unexpectedly.");
}

/** Reports a lost session the same way for every kind of request. */
export function reportUnauthorized(): void {
  handleUnauthorized();
}

/** Calls the API and parses the answer with the contract schema; failures become ApiError. */
export async function api<T extends z.ZodType>(
  path: string,
  schema: T,
  options: RequestOptions = {},
): Promise<z.infer<T>> {
  const response = await send(path, options);
  return schema.parse(await response.json());
}

/** Calls an endpoint that answers with no body (204). */
export async function apiVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      // Fastify refuses a JSON content-type with an empty body, so the header goes only with a body.
      headers: hasBody
        ? { "content-type": "application/json", accept: "application/json" }
        : { accept: "application/json" },
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, "Network error", "Could not reach the server. Check your connection and try again.");
  }
  if (response.ok) return response;
  const error = await readProblem(response);
  if (error.status === 401 && !options.isUnauthorizedExpected) handleUnauthorized();
  throw error;
}
