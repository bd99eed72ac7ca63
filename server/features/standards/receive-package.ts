import type { FastifyRequest } from "fastify";
import { HttpProblem } from "../../errors";
import { MAX_PACKAGE_BYTES, parsePackageBytes } from "./fetch-package";

const POINTER = "/body/file";

function refuse(status: number, title: string, detail: string): never {
  throw new HttpProblem(status, title, detail, [{ pointer: POINTER, detail }]);
}

/**
 * Reads an uploaded CFPackage (multipart/form-data, one `file` field) into memory within the size limit and
 * parses it as JSON, with the `allowRemovals` field when one is sent. Every failure is a problem naming /body/file.
 */
export async function receivePackageFile(request: FastifyRequest): Promise<{ json: unknown; allowRemovals: boolean }> {
  let bytes: Buffer | undefined;
  let allowRemovals = false;
  try {
    for await (const part of request.parts()) {
      // The confirmation a re-import that removes standards needs, sent beside the file.
      if (part.type === "field" && part.fieldname === "allowRemovals") {
        allowRemovals = part.value === "true";
        continue;
      }
      if (part.type !== "file" || part.fieldname !== "file") {
        if (part.type === "file") part.file.resume();
        throw new HttpProblem(400, "Invalid request", "The request body is not valid.", [
          { pointer: `/body/${part.fieldname}`, detail: "Unknown field: send the package in the `file` field." },
        ]);
      }
      bytes = await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "FST_REQ_FILE_TOO_LARGE") {
      refuse(413, "Content too large", `The file is larger than the ${MAX_PACKAGE_BYTES / (1024 * 1024)} MB limit.`);
    }
    if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT")
      refuse(400, "Invalid request", "Attach one file only.");
    throw error;
  }
  if (!bytes?.length) refuse(422, "Unprocessable content", "Attach the CASE package (a .json file).");
  const json = parsePackageBytes(bytes);
  if (json === undefined) {
    refuse(422, "Unprocessable content", "The file is not JSON. Choose a CASE CFPackage .json file.");
  }
  return { json, allowRemovals };
}
