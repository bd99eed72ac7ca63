import { rm } from "node:fs/promises";
import type { FastifyRequest } from "fastify";
import { HttpProblem } from "../../errors";
import { receiveFile, refuseCutOffUpload, type TempUpload, tooLarge } from "../../files/uploads";

function badForm(pointer: string, detail: string): never {
  throw new HttpProblem(400, "Invalid request", "The request body is not valid.", [{ pointer, detail }]);
}

/** The multipart plugin's own limit errors, said in words a person can act on. */
function explainMultipartError(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "FST_REQ_FILE_TOO_LARGE") tooLarge(maxBytes);
  if (code === "FST_FILES_LIMIT") badForm("/body/file", "Attach one file only.");
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") badForm("/body", "The form has too many fields.");
  if (code === "FST_INVALID_JSON_FIELD_ERROR") badForm("/body/resource", "This is not valid JSON.");
  refuseCutOffUpload(error);
  return error;
}

/**
 * Reads a multipart create form: the resource's details as JSON in the `resource` field, and at most one
 * `file`, streamed to a temporary file. On any failure the temporary file is gone before this throws.
 */
export async function receiveResourceForm(
  request: FastifyRequest,
  dataDir: string,
  maxBytes: number,
): Promise<{ resource: unknown; upload: TempUpload | null }> {
  let resource: unknown;
  let upload: TempUpload | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") {
          part.file.resume();
          badForm(`/body/${part.fieldname}`, "Unknown field: send the file in the `file` field.");
        }
        upload = await receiveFile(part, dataDir, maxBytes);
      } else if (part.fieldname === "resource") {
        if (part.valueTruncated) badForm("/body/resource", "This field is too long.");
        try {
          resource = typeof part.value === "string" ? JSON.parse(part.value) : part.value;
        } catch {
          badForm("/body/resource", "This is not valid JSON.");
        }
      } else {
        badForm(`/body/${part.fieldname}`, "Unknown field.");
      }
    }
  } catch (error) {
    if (upload) await rm(upload.path, { force: true });
    throw explainMultipartError(error, maxBytes);
  }
  if (resource === undefined) {
    if (upload) await rm(upload.path, { force: true });
    badForm("/body/resource", "Send the resource's details as JSON in the `resource` field.");
  }
  return { resource, upload };
}
