import type { FastifySchemaCompiler, FastifySchemaValidationError } from "fastify";
import { type $ZodType, config, safeParse } from "zod/v4/core";
import { plainMessages } from "../../contract/plain-messages";

// Refused fields are named in plain words (contract/plain-messages.ts), as the web app names them.
config({ customError: plainMessages });

// NUL cannot be stored in PostgreSQL text; an unpaired UTF-16 surrogate is not text at all (jsonb refuses it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function textProblem(text: string): string | undefined {
  if (text.includes("\u0000")) return "Text may not contain the NUL character (U+0000).";
  if (LONE_SURROGATE.test(text))
    return "Text may not contain an unpaired surrogate (U+D800–U+DFFF); it is not valid Unicode.";
  return undefined;
}

function issue(instancePath: string, message: string): FastifySchemaValidationError {
  return { keyword: "text", instancePath, schemaPath: `#${instancePath}/text`, params: {}, message };
}

/** Every string (and object key) in a request part that no text field may hold, as validation issues. */
export function unsafeTextIssues(data: unknown): FastifySchemaValidationError[] {
  const issues: FastifySchemaValidationError[] = [];
  // Iterative, so a deeply nested body cannot exhaust the stack before the schema refuses it.
  const stack: { value: unknown; path: string }[] = [{ value: data, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) issues.push(issue(path || "/", problem));
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) stack.push({ value: item, path: `${path}/${index}` });
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = textProblem(key);
        if (keyProblem) issues.push(issue(`${path}/${escapePointer(key)}`, keyProblem));
        stack.push({ value: item, path: `${path}/${escapePointer(key)}` });
      }
    }
  }
  return issues.reverse();
}

/**
 * The validator for every route's params, query and body: the route's zod schema, and before it a check that
 * no string carries NUL or an unpaired surrogate, so no route can pass them to the database. Issues have the
 * shape of fastify-type-provider-zod's, and the error handler turns them into JSON pointers (/body/title).
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const textIssues = unsafeTextIssues(data);
    const result = safeParse(schema, data);
    const schemaIssues: FastifySchemaValidationError[] = (result.error?.issues ?? []).map((zodIssue) => {
      const { path, code, message, ...params } = zodIssue;
      const instancePath = `/${path.map((key) => escapePointer(String(key))).join("/")}`;
      return { keyword: code, instancePath, schemaPath: `#${instancePath}/${code}`, params, message };
    });
    const issues = [...textIssues, ...schemaIssues];
    if (issues.length) return { error: issues };
    return { value: result.data };
  };
