import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { HttpProblem } from "../../errors";
import { ownedTmpName, uploadTmpDir } from "../../http/upload-tmp";

/** A received roster upload: a folder under uploads/tmp holding one zip or the CSV files. */
export type RosterUpload = { dir: string; source: string; label: string };

/** How many CSV files one upload may carry (OneRoster 1.2 defines 21 and a manifest). */
export const MAX_ROSTER_FILES = 40;

const POINTER = "/body/files";
const NAME = /^[\w.\- ]{1,120}\.(csv|zip)$/i;

function problem(status: number, title: string, detail: string): never {
  throw new HttpProblem(status, title, detail, [{ pointer: POINTER, detail }]);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The multipart plugin's own limit errors, in words a person can act on. */
function explain(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "FST_REQ_FILE_TOO_LARGE")
    problem(413, "Content too large", `The upload is larger than ${megabytes(maxBytes)}.`);
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") {
    problem(400, "Invalid request", `Upload at most ${MAX_ROSTER_FILES} files.`);
  }
  if (code === "FST_FIELDS_LIMIT") problem(400, "Invalid request", "Send only files.");
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
    problem(415, "Unsupported media type", "Send the files as multipart/form-data.");
  }
  return error;
}

async function isZip(filePath: string): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/**
 * Receives a multipart upload of one OneRoster zip, or of the set's CSV files, into a fresh folder under
 * DATA_DIR/uploads/tmp, at most MAX_UPLOAD_MB in all. Refused uploads leave nothing behind; the route removes the
 * folder when the import ends, and a server starting up removes those whose process died (upload-tmp.ts).
 */
export async function receiveRosterUpload(
  request: FastifyRequest,
  dataDir: string,
  maxBytes: number,
): Promise<RosterUpload> {
  if (!request.isMultipart()) problem(415, "Unsupported media type", "Send the files as multipart/form-data.");
  const dir = path.join(uploadTmpDir(dataDir), ownedTmpName("roster"));
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") problem(400, "Invalid request", "Send only files.");
      const name = path.basename(part.filename.replace(/\\/g, "/"));
      if (!NAME.test(name)) {
        part.file.resume();
        problem(415, "Unsupported media type", `"${name}" is not a .zip or .csv file.`);
      }
      if (names.some((n) => n.toLowerCase() === name.toLowerCase())) {
        part.file.resume();
        problem(400, "Invalid request", `"${name}" was sent twice.`);
      }
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          total += chunk.length;
          if (total > maxBytes) return done(new HttpProblem(413, "Content too large"));
          done(null, chunk);
        },
      });
      await pipeline(part.file, meter, createWriteStream(path.join(dir, name), { flags: "wx", mode: 0o600 }));
      if (part.file.truncated) problem(413, "Content too large", `The upload is larger than ${megabytes(maxBytes)}.`);
      names.push(name);
    }
    if (names.length === 0) problem(400, "Invalid request", "Choose a OneRoster zip, or the set's CSV files.");
    const zips = names.filter((n) => /\.zip$/i.test(n));
    if (zips.length && names.length > 1) problem(400, "Invalid request", "Upload one zip, or CSV files, not both.");
    const [zip] = zips;
    if (zip) {
      const zipPath = path.join(dir, zip);
      if (!(await isZip(zipPath))) problem(415, "Unsupported media type", `"${zip}" is not a zip file.`);
      return { dir, source: zipPath, label: zip };
    }
    const listed = names.slice(0, 6).join(", ");
    return { dir, source: dir, label: `${names.length} CSV files: ${listed}${names.length > 6 ? ", …" : ""}` };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof HttpProblem && error.status === 413) {
      problem(413, "Content too large", `The upload is larger than ${megabytes(maxBytes)}.`);
    }
    throw explain(error, maxBytes);
  }
}
