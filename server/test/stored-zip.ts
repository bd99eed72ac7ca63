import { strToU8, zipSync } from "fflate";

/**
 * A zip archive of stored (uncompressed) entries with whatever names it is given (fflate), so tests can
 * build both the archives real exports make and the ones they must not: entries in folders, "../" names.
 */
export function storedZip(entries: { name: string; content: string | Buffer }[]): Buffer {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const entry of entries) {
    const data = typeof entry.content === "string" ? strToU8(entry.content) : new Uint8Array(entry.content);
    files[entry.name] = [data, { level: 0 }];
  }
  return Buffer.from(zipSync(files));
}
