import { rm } from "node:fs/promises";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { moveIntoStorage, newStorageKey } from "../../files/storage";
import { insertStoredFile } from "../../files/stored-files";
import type { TempUpload } from "../../files/uploads";
import type { Post } from "./attachments.queries";

/**
 * Keeps a received upload as a file of a post, all or nothing (as the library does for resources): its row and
 * audit entry in one transaction whose last step moves the file into the district's folder.
 */
export async function attachFile(db: Db, context: ActorContext, post: Post, upload: TempUpload, dataDir: string) {
  let storedPath: string | undefined;
  try {
    await db.transaction(async (tx) => {
      const storageKey = newStorageKey();
      const fileId = await insertStoredFile(tx, upload, {
        districtId: post.districtId,
        storageKey,
        attachedToType: post.type,
        attachedToId: post.id,
        uploadedById: context.actor.personId,
      });
      await recordAudit(tx, context, {
        action: "discussion.file_attached",
        subjectType: post.type,
        subjectId: post.id,
        details: { fileId, byteSize: upload.byteSize, sha256: upload.sha256 },
      });
      storedPath = await moveIntoStorage(upload, dataDir, post.districtId, storageKey);
    });
  } catch (error) {
    if (storedPath) await rm(storedPath, { force: true });
    throw error;
  } finally {
    await rm(upload.path, { force: true });
  }
}
