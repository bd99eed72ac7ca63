import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { files } from "../db/schema";
import type { TempUpload } from "./uploads";

/** What a stored file is attached to: a resource, a discussion thread or a reply. */
type FileOwner = { attachedToType: (typeof files.$inferSelect)["attachedToType"]; attachedToId: string };

/** A stored file's row, or undefined; the caller authorizes by what it is attached to. */
export async function findStoredFile(db: Db, id: string) {
  const [file] = await db.select().from(files).where(eq(files.id, id));
  return file;
}

/** How many files are attached to one owner. */
export async function countAttachedFiles(db: Db, owner: FileOwner): Promise<number> {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(files)
    .where(and(eq(files.attachedToType, owner.attachedToType), eq(files.attachedToId, owner.attachedToId)));
  return count?.n ?? 0;
}

/** Deletes the rows of the files attached to one owner (their bytes on disk are the caller's to remove). */
export async function deleteAttachedFiles(db: Db, owner: FileOwner): Promise<void> {
  await db
    .delete(files)
    .where(and(eq(files.attachedToType, owner.attachedToType), eq(files.attachedToId, owner.attachedToId)));
}

/** Writes the row of a received upload, to be stored under `storageKey`; returns the file's id. */
export async function insertStoredFile(
  db: Db,
  upload: TempUpload,
  stored: FileOwner & { districtId: string; storageKey: string; uploadedById: string },
): Promise<string> {
  const [row] = await db
    .insert(files)
    .values({
      districtId: stored.districtId,
      storageKey: stored.storageKey,
      originalName: upload.originalName,
      contentType: upload.contentType,
      byteSize: upload.byteSize,
      sha256: upload.sha256,
      attachedToType: stored.attachedToType,
      attachedToId: stored.attachedToId,
      uploadedById: stored.uploadedById,
    })
    .returning({ id: files.id });
  if (!row) throw new Error("file insert returned nothing");
  return row.id;
}
