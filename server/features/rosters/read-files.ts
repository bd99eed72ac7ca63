import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import yauzl from "yauzl";
import type { ImportLimits } from "../../config";
import { formatBytes, formatCount, ImportLimitError, importLimits } from "./import-limits";
import type { ProblemList } from "./problems";

/** One file of a roster set, opened only when it is read. */
export type SourceFile = { name: string; size: number; open(): Promise<Readable> };

export type RosterSource = { kind: "folder" | "zip"; files: SourceFile[]; totalBytes: number; close(): void };

/**
 * The set cannot be read at all (not a folder or zip, a broken or unsafe zip, a limit passed): said in words
 * for the report, with the file it is about when it is about one.
 */
export class RosterSourceError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Below this size a file's compression ratio is not looked at: tiny files of repeated text compress well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Opens a OneRoster file set: a folder, or a zip whose files sit at its root. Entries in sub-folders are
 * ignored (with a warning); an entry whose name leaves the archive refuses the whole zip, and so does one past
 * a limit (entries, bytes per file or in all, compression ratio), read from the zip's directory before any
 * entry is unpacked. The bytes each file really yields are counted too, and reading stops at the limits.
 */
export async function openRosterSource(
  source: string,
  problems: ProblemList,
  options: Partial<ImportLimits> = {},
): Promise<RosterSource> {
  const limits = importLimits(options);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(source);
  } catch {
    throw new RosterSourceError(`There is no file or folder at ${source}.`);
  }
  const meter = byteMeter(limits);
  if (info.isDirectory()) return openFolder(source, problems, limits, meter);
  if (!info.isFile()) throw new RosterSourceError(`${source} is neither a folder nor a zip file.`);
  return openZip(source, problems, limits, meter);
}

type Meter = (name: string, stream: Readable) => Readable;

/** Counts the bytes each file really yields (a zip's directory can lie) and stops a file past the limits. */
function byteMeter(limits: ImportLimits): Meter {
  let total = 0;
  return (name, stream) => {
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        total += chunk.length;
        if (bytes > limits.maxFileBytes) return done(tooLargeFile(name, limits));
        if (total > limits.maxTotalBytes) return done(tooLargeSet(name, limits));
        done(null, chunk);
      },
    });
    stream.on("error", (error) => meter.destroy(error));
    meter.on("close", () => stream.destroy());
    return stream.pipe(meter);
  };
}

function tooLargeFile(name: string, limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    name,
    null,
    `${name} is larger than ${formatBytes(limits.maxFileBytes)}, the most one file may hold (IMPORT_MAX_FILE_MB). ` +
      "Split the set, or ask whoever runs Collective to raise the limit.",
  );
}

function tooLargeSet(name: string, limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    name,
    null,
    `The set is larger than ${formatBytes(limits.maxTotalBytes)} in all, the most one import may hold ` +
      `(IMPORT_MAX_TOTAL_MB); it passed that in ${name}.`,
  );
}

async function openFolder(
  folder: string,
  problems: ProblemList,
  limits: ImportLimits,
  meter: Meter,
): Promise<RosterSource> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) {
      if (entry.isDirectory()) problems.warn(entry.name, null, null, "Folders inside the set are ignored.");
      continue;
    }
    const filePath = path.join(folder, entry.name);
    const { size } = await stat(filePath);
    if (size > limits.maxFileBytes) throw new RosterSourceError(tooLargeFile(entry.name, limits).message, entry.name);
    files.push({ name: entry.name, size, open: async () => meter(entry.name, createReadStream(filePath)) });
  }
  const totalBytes = sum(files);
  if (totalBytes > limits.maxTotalBytes) {
    throw new RosterSourceError(tooLargeSet(files.at(-1)?.name ?? folder, limits).message);
  }
  return { kind: "folder", files, totalBytes, close: () => {} };
}

function sum(files: SourceFile[]): number {
  return files.reduce((total, file) => total + file.size, 0);
}

/** Names a zip entry may not have at the root: anything with a folder, a drive or a parent step in it. */
function isUnsafeName(name: string): boolean {
  return name.startsWith("/") || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes("..");
}

async function openZip(
  zipPath: string,
  problems: ProblemList,
  limits: ImportLimits,
  meter: Meter,
): Promise<RosterSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch {
    throw new RosterSourceError("This is not a zip file, or the zip is damaged.");
  }
  const files: SourceFile[] = [];
  let totalBytes = 0;
  const zipName = path.basename(zipPath);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new RosterSourceError(
        `${zipName} holds ${formatCount(zip.entryCount)} entries; a roster zip may hold at most ` +
          `${formatCount(limits.maxEntries)} (IMPORT_MAX_ENTRIES). A OneRoster set has at most 22 files.`,
      );
    }
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (isUnsafeName(name)) throw new RosterSourceError(`The zip holds an entry with an unsafe name: ${name}`);
      if (name.endsWith("/")) continue;
      if (name.includes("/")) {
        // macOS adds __MACOSX/ copies of every file; they are noise, not a misplaced set.
        if (!name.startsWith("__MACOSX/")) {
          problems.warn(name, null, null, "Only files at the root of the zip are read; this one is in a folder.");
        }
        continue;
      }
      checkEntry(entry, limits);
      totalBytes += entry.uncompressedSize;
      if (totalBytes > limits.maxTotalBytes) throw new RosterSourceError(tooLargeSet(name, limits).message, name);
      files.push({
        name,
        size: entry.uncompressedSize,
        open: async () => meter(name, await zip.openReadStreamPromise(entry)),
      });
    }
  } catch (error) {
    zip.close();
    if (error instanceof RosterSourceError) throw error;
    // yauzl refuses absolute and "../" names itself, before any entry is read.
    const message = error instanceof Error ? error.message : String(error);
    throw new RosterSourceError(`The zip cannot be read: ${message}`);
  }
  return { kind: "zip", files, totalBytes, close: () => zip.close() };
}

/** An entry's size and compression ratio, from the zip's directory (yauzl checks them against the data). */
function checkEntry(entry: yauzl.Entry, limits: ImportLimits): void {
  const name = entry.fileName;
  if (entry.uncompressedSize > limits.maxFileBytes) {
    throw new RosterSourceError(
      `${name} unpacks to ${formatBytes(entry.uncompressedSize)}, more than the ${formatBytes(limits.maxFileBytes)} ` +
        "one file may hold (IMPORT_MAX_FILE_MB). Split the set, or ask whoever runs Collective to raise the limit.",
      name,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
    throw new RosterSourceError(
      `${name} unpacks to ${formatBytes(entry.uncompressedSize)} from ${formatBytes(entry.compressedSize)}: ` +
        `${Math.round(ratio)} times its packed size, more than the ${limits.maxRatio} times a roster file can be ` +
        "(IMPORT_MAX_RATIO). Real CSV files do not compress that well, so it was not unpacked.",
      name,
    );
  }
}
