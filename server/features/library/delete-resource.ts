import { rm } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resources } from "../../db/schema";
import { storedFilePath } from "../../files/storage";
import { deleteAttachedFiles } from "../../files/stored-files";
import type { ResourceRow } from "./library.queries";

/** Deletes a resource, its file's row and then its file on disk, with the audit entry. */
export async function deleteResource(db: Db, context: AuditContext, resource: ResourceRow, dataDir: string) {
  await db.transaction(async (tx) => {
    await deleteAttachedFiles(tx, { attachedToType: "resource", attachedToId: resource.id });
    await tx.delete(resources).where(eq(resources.id, resource.id));
    await recordAudit(tx, context, {
      action: "resource.deleted",
      subjectType: "resource",
      subjectId: resource.id,
      details: { title: resource.title, scope: resource.scope, fileId: resource.file?.id ?? null },
    });
  });
  // Only after the rows are gone: a file on disk without a row is harmless, a row without its file is not.
  if (resource.file) await rm(storedFilePath(dataDir, resource.districtId, resource.file.storageKey), { force: true });
}
