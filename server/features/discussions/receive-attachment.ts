import type { FastifyRequest } from "fastify";
import { HttpProblem, invalid } from "../../errors";
import { receiveFile, type TempUpload } from "../../files/uploads";

/** Reads the one file of an attachment form (the `file` field) into uploads/tmp; refusals are problem+json. */
export async function receiveAttachment(
  request: FastifyRequest,
  dataDir: string,
  maxBytes: number,
): Promise<TempUpload> {
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await request.file();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new HttpProblem(413, "Content too large", "The file is too large.");
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE")
      throw new HttpProblem(415, "Unsupported media type", "Send the file as multipart/form-data.");
    throw error;
  }
  if (part?.fieldname !== "file") {
    part?.file.resume();
    invalid("Attach one file, in the `file` field.", [{ pointer: "/body/file", detail: "Choose a file." }]);
  }
  return receiveFile(part, dataDir, maxBytes);
}
