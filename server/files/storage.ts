import { randomBytes } from "node:crypto";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import type { TempUpload } from "./uploads";

/** Where a stored file lives: DATA_DIR/uploads/<district>/<storage key>. */
export function storedFilePath(dataDir: string, districtId: string, storageKey: string): string {
  // Both come from our own rows; the check keeps a bad row from ever naming a path outside uploads/.
  if (!/^[\w-]+$/.test(districtId) || !/^[\w-]+$/.test(storageKey)) throw new Error("bad storage path");
  return path.join(dataDir, "uploads", districtId, storageKey);
}

/** A fresh, unguessable name for a stored file. */
export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

/**
 * Moves a received upload into the district's folder under its storage key and returns where it now lives.
 * Call it as the last step of the transaction that writes the file's row, so a failed write keeps nothing.
 */
export async function moveIntoStorage(
  upload: TempUpload,
  dataDir: string,
  districtId: string,
  storageKey: string,
): Promise<string> {
  const target = storedFilePath(dataDir, districtId, storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(upload.path, target);
  return target;
}

/** A Content-Disposition that downloads the file under its name, in ASCII and (RFC 6266) in UTF-8. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
