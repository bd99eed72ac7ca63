import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import type { ProblemList } from "./problems";

/** One file of a roster set, opened only when it is read. */
export type SourceFile = { name: string; size: number; open(): Promise<Readable> };

export type RosterSource = { kind: "folder" | "zip"; files: SourceFile[]; totalBytes: number; close(): void };

/** The set cannot be read at all (not a folder or zip, a broken or unsafe zip): said in words for the report. */
export class RosterSourceError extends Error {}

/** A zip may hold at most this much once uncompressed, so a small upload cannot unfold into gigabytes. */
export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Opens a OneRoster file set: a folder, or a zip whose files sit at its root. Entries in sub-folders are
 * ignored (with a warning); an entry whose name leaves the archive, or a zip that unfolds past the cap,
 * refuses the whole zip.
 */
export async function openRosterSource(
  source: string,
  problems: ProblemList,
  options: { maxUncompressedBytes?: number } = {},
): Promise<RosterSource> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(source);
  } catch {
    throw new RosterSourceError(`There is no file or folder at ${source}.`);
  }
  if (info.isDirectory()) return openFolder(source, problems);
  if (!info.isFile()) throw new RosterSourceError(`${source} is neither a folder nor a zip file.`);
  return openZip(source, problems, options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES);
}

async function openFolder(folder: string, problems: ProblemList): Promise<RosterSource> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) {
      if (entry.isDirectory()) problems.warn(entry.name, null, null, "Folders inside the set are ignored.");
      continue;
    }
    const filePath = path.join(folder, entry.name);
    const { size } = await stat(filePath);
    files.push({ name: entry.name, size, open: async () => createReadStream(filePath) });
  }
  return { kind: "folder", files, totalBytes: sum(files), close: () => {} };
}

function sum(files: SourceFile[]): number {
  return files.reduce((total, file) => total + file.size, 0);
}

/** Names a zip entry may not have at the root: anything with a folder, a drive or a parent step in it. */
function isUnsafeName(name: string): boolean {
  return name.startsWith("/") || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes("..");
}

async function openZip(zipPath: string, problems: ProblemList, maxBytes: number): Promise<RosterSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch {
    throw new RosterSourceError("This is not a zip file, or the zip is damaged.");
  }
  const files: SourceFile[] = [];
  let totalBytes = 0;
  try {
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
      totalBytes += entry.uncompressedSize;
      if (totalBytes > maxBytes) {
        throw new RosterSourceError(
          `The zip unpacks to more than ${Math.round(maxBytes / (1024 * 1024))} MB; split the set or raise the limit.`,
        );
      }
      files.push({ name, size: entry.uncompressedSize, open: () => zip.openReadStreamPromise(entry) });
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
