import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MultipartFile } from "@fastify/multipart";
import { fileTypeFromFile } from "file-type";
import { ALLOWED_UPLOAD_LABEL } from "../../contract/library";
import { HttpProblem, invalid } from "../errors";
import { newStorageKey } from "./storage";

/** A received upload, checked and waiting under uploads/tmp until the transaction that keeps it. */
export type TempUpload = {
  path: string;
  originalName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
};

/** What a sniffed upload may be, by the type detected from its bytes, with its usual extension. */
const ALLOWED_TYPES = new Map<string, string>([
  ["application/pdf", "pdf"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
  ["application/vnd.oasis.opendocument.text", "odt"],
  ["application/vnd.oasis.opendocument.spreadsheet", "ods"],
  ["application/vnd.oasis.opendocument.presentation", "odp"],
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
  ["image/gif", "gif"],
  ["image/webp", "webp"],
]);

/** Plain text has no signature to sniff: it is taken by extension, and only when its bytes are UTF-8 text. */
const TEXT_TYPES: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
};

const SAME_EXTENSION: Record<string, string> = { jpeg: "jpg", jpe: "jpg" };

const FIELD_POINTER = "/body/file";

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Refuses an upload over the size limit: 413, naming the file field. */
export function tooLarge(maxBytes: number): never {
  const detail = `The file is larger than the ${megabytes(maxBytes)} limit.`;
  throw new HttpProblem(413, "Content too large", detail, [{ pointer: FIELD_POINTER, detail }]);
}

/** busboy's words when the body ends before the form's closing boundary: the connection was cut off. */
const CUT_OFF = /unexpected end of (multipart data|form)|terminated early/i;

/** An upload whose body stopped short is the sender's problem, said plainly, not a server error. */
export function refuseCutOffUpload(error: unknown): void {
  if (error instanceof Error && !(error instanceof HttpProblem) && CUT_OFF.test(error.message)) {
    const detail = "The upload did not arrive whole: the connection ended before the end of the file. Try again.";
    throw new HttpProblem(400, "Invalid request", detail, [{ pointer: FIELD_POINTER, detail }]);
  }
}

function unsupportedType(): never {
  const detail = `This kind of file cannot be shared. Upload a ${ALLOWED_UPLOAD_LABEL} file.`;
  throw new HttpProblem(415, "Unsupported media type", detail, [{ pointer: FIELD_POINTER, detail }]);
}

async function isUtf8Text(filePath: string): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
    // Control characters other than tab, newlines and form feed mean a binary file in text's clothing.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is exactly what this looks for
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** The content type of an upload as its bytes show it, or undefined when it is not allowed. */
async function sniffAllowedType(
  filePath: string,
  name: string,
): Promise<{ contentType: string; ext: string } | undefined> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) {
    const ext = ALLOWED_TYPES.get(detected.mime);
    return ext ? { contentType: detected.mime, ext } : undefined;
  }
  const ext = path.extname(name).slice(1).toLowerCase();
  const textType = TEXT_TYPES[ext];
  return textType && (await isUtf8Text(filePath)) ? { contentType: textType, ext } : undefined;
}

// Bidirectional controls (embeddings, overrides, isolates, LRM/RLM) let a name show other than it is:
// "invoice\u202Efdp.exe" reads as "invoiceexe.pdf".
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The name to keep: no folders, control or bidi characters, and an extension that matches what the bytes are. */
function keptName(name: string, ext: string): string {
  const base =
    path
      .basename(name.replace(/\\/g, "/"))
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a file name
      .replace(/[\u0000-\u001f\u007f"]/g, "")
      .replace(BIDI_CONTROLS, "")
      .trim()
      .slice(0, 200) || "file";
  const own = path.extname(base).slice(1).toLowerCase();
  return (SAME_EXTENSION[own] ?? own) === ext ? base : `${base}.${ext}`;
}

/**
 * Streams one uploaded file to uploads/tmp, hashing and counting it, then checks its size and sniffs its type.
 * Throws 413 or 415 (problem+json naming the field) and leaves nothing behind when the file is refused.
 */
export async function receiveFile(part: MultipartFile, dataDir: string, maxBytes: number): Promise<TempUpload> {
  const tmpDir = path.join(dataDir, "uploads", "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${newStorageKey()}.part`);
  const hash = createHash("sha256");
  let byteSize = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.length;
      if (byteSize > maxBytes) return done(new HttpProblem(413, "Content too large"));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const sink = createWriteStream(tmpPath, { flags: "wx", mode: 0o600 });
  try {
    await pipeline(part.file, meter, sink);
    if (part.file.truncated || byteSize > maxBytes) tooLarge(maxBytes);
    if (byteSize === 0) invalid("The file is empty.", [{ pointer: FIELD_POINTER, detail: "The file is empty." }]);
    const type = (await sniffAllowedType(tmpPath, part.filename)) ?? unsupportedType();
    return {
      path: tmpPath,
      originalName: keptName(part.filename, type.ext),
      contentType: type.contentType,
      byteSize,
      sha256: hash.digest("hex"),
    };
  } catch (error) {
    // A body cut off early can end the pipeline while the file is still being opened: wait until it is closed,
    // or that open would create the file again after it was removed (a stray .part left in uploads/tmp).
    if (!sink.closed) await once(sink, "close").catch(() => undefined);
    await rm(tmpPath, { force: true });
    if (error instanceof HttpProblem && error.status === 413) tooLarge(maxBytes);
    refuseCutOffUpload(error);
    throw error;
  }
}
