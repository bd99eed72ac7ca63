import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isResponseSerializationError } from "fastify-type-provider-zod";
import type { Problem } from "../contract/problem";

type FieldError = { pointer: string; detail: string };

/** An error that becomes an RFC 9457 problem+json response as it is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** RFC 9457 extension members that a client acts on (say, what a confirmation would allow). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

export function notFound(what = "resource"): never {
  throw new HttpProblem(404, "Not found", `No such ${what}.`);
}
export function forbidden(detail = "You are not allowed to do this."): never {
  throw new HttpProblem(403, "Forbidden", detail);
}
export function unauthorized(detail = "Sign in to continue."): never {
  throw new HttpProblem(401, "Unauthorized", detail);
}
export function conflict(detail: string, fieldErrors?: FieldError[], extensions?: Record<string, unknown>): never {
  throw new HttpProblem(409, "Conflict", detail, fieldErrors, undefined, extensions);
}
export function invalid(detail: string, fieldErrors?: FieldError[]): never {
  throw new HttpProblem(422, "Unprocessable content", detail, fieldErrors);
}
export function tooManyRequests(retryAfterSeconds: number): never {
  throw new HttpProblem(429, "Too many requests", "Too many attempts. Wait a few minutes and try again.", undefined, {
    "retry-after": String(retryAfterSeconds),
  });
}

type LoggedCause = { type: string; message: string; [field: string]: string };
type LoggedError = { type: string; message: string; stack: string; causes?: LoggedCause[]; [field: string]: unknown };

// What a database error may tell the log: never `detail`, `where` or a query's parameters, which hold user data.
const SAFE_ERROR_FIELDS = ["code", "severity", "constraint", "table", "column", "schema", "routine"] as const;

function describeError(error: Error): LoggedCause {
  // drizzle puts the SQL and its parameters in a failed query's message: "Failed query: … params: …".
  const isFailedQuery = "params" in error && "query" in error;
  const described: LoggedCause = {
    type: error.name,
    message: isFailedQuery ? "Failed query (SQL and parameters not logged)" : error.message,
  };
  for (const field of SAFE_ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === "string") described[field] = value;
  }
  return described;
}

/**
 * An error as the log may keep it: its type, message and frames, and its causes' type, message and code,
 * but never the SQL or the parameters a failed query carried. Causes are a flat list, so the log's error
 * serializer has nothing left to expand.
 */
export function loggableError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(not an Error)", stack: "" };
  const top = describeError(error);
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line)) ?? [];
  const causes: LoggedCause[] = [];
  for (let cause = error.cause; cause instanceof Error && causes.length < 5; cause = cause.cause) {
    causes.push(describeError(cause));
  }
  return { ...top, stack: [`${top.type}: ${top.message}`, ...frames].join("\n"), ...(causes.length ? { causes } : {}) };
}

const TYPE_BASE = "https://collective.invalid/problems/";

function problemType(status: number): string {
  return status === 500 ? "about:blank" : `${TYPE_BASE}${status}`;
}

function sendProblem(reply: FastifyReply, problem: Problem, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.code(problem.status).type("application/problem+json").send(problem);
}

function validationProblem(error: FastifyError, request: FastifyRequest): Problem {
  const where = error.validationContext ?? "body";
  const errors: FieldError[] = [];
  // Issues come from server/http/validation.ts: the route's zod schema and the text check before it.
  if (error.validation?.length) {
    for (const issue of error.validation) {
      const path = issue.instancePath === "/" ? "" : issue.instancePath;
      const keys = (issue.params as { keys?: unknown }).keys;
      if (Array.isArray(keys) && keys.length) {
        for (const key of keys) errors.push({ pointer: `/${where}${path}/${String(key)}`, detail: "Unknown field." });
      } else {
        errors.push({ pointer: `/${where}${path}`, detail: issue.message ?? "Invalid value." });
      }
    }
  } else {
    errors.push({ pointer: `/${where}`, detail: error.message });
  }
  return {
    type: `${TYPE_BASE}validation`,
    title: "Invalid request",
    status: 400,
    detail: `The request ${where} is not valid.`,
    errors,
    instance: request.url,
    requestId: request.id,
  };
}

/** The one place where errors become problem+json; nothing else writes error bodies. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      const problem: Problem = {
        ...error.extensions,
        type: problemType(error.status),
        title: error.title,
        status: error.status,
        instance: request.url,
        requestId: request.id,
      };
      if (error.detail) problem.detail = error.detail;
      if (error.fieldErrors) problem.errors = error.fieldErrors;
      return sendProblem(reply, problem, error.headers);
    }
    if (error.validation) return sendProblem(reply, validationProblem(error, request));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: loggableError(error), issues: error.cause.issues }, "response did not match its schema");
    } else if (!error.statusCode || error.statusCode >= 500) {
      request.log.error({ err: loggableError(error) }, "unhandled error");
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const title = status === 500 ? "Internal server error" : clientErrorTitle(status);
    const detail =
      status === 500 ? "Something went wrong on our side. The error has been logged." : clientErrorDetail(error);
    return sendProblem(reply, {
      type: problemType(status),
      title,
      status,
      detail,
      instance: request.url,
      requestId: request.id,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: problemType(404),
      title: "Not found",
      status: 404,
      detail: `No route ${request.method} ${request.url.split("?")[0]}.`,
      instance: request.url,
      requestId: request.id,
    }),
  );
}

function clientErrorTitle(status: number): string {
  const titles: Record<number, string> = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Content too large",
    415: "Unsupported media type",
    429: "Too many requests",
  };
  return titles[status] ?? "Bad request";
}

// Fastify's own client errors (bad JSON, oversized body, wrong content type) carry safe, useful messages.
function clientErrorDetail(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "The request body is not valid JSON.";
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "The request body is too large.";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "This content type is not supported here; send application/json.";
    default:
      return error.message.replace(/\s+at .*$/s, "");
  }
}
