import { rm } from "node:fs/promises";
import type { EvidenceLevel, ResourceKind, ResourceScope } from "../../../contract/library";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resources } from "../../db/schema";
import { moveIntoStorage, newStorageKey } from "../../files/storage";
import { insertStoredFile } from "../../files/stored-files";
import type { TempUpload } from "../../files/uploads";
import { resourceSearchVector } from "./library.queries";

export type NewResource = {
  kind: ResourceKind;
  title: string;
  description: string;
  url: string | null;
  tags: string[];
  gradeLevels: string[];
  subjects: string[];
  scope: ResourceScope;
  communityId: string | null;
  schoolId: string | null;
  evidenceLevel: EvidenceLevel | null;
  evidenceSource: string | null;
};

/**
 * Creates a resource, and its file when there is one, all or nothing: the rows are written in one transaction,
 * and the file moves from uploads/tmp into the district's folder as the transaction's last step. If anything
 * fails, the transaction rolls back and neither the temporary nor the stored file is left on disk.
 */
export async function createResource(
  db: Db,
  context: ActorContext,
  options: { resource: NewResource; upload: TempUpload | null; dataDir: string },
): Promise<string> {
  const { actor } = context;
  const { resource, upload, dataDir } = options;
  let storedPath: string | undefined;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(resources)
        .values({
          ...resource,
          districtId: actor.districtId,
          createdById: actor.personId,
          search: resourceSearchVector(resource),
        })
        .returning({ id: resources.id });
      if (!row) throw new Error("resource insert returned nothing");
      const storageKey = newStorageKey();
      const fileId = upload
        ? await insertStoredFile(tx, upload, {
            districtId: actor.districtId,
            storageKey,
            attachedToType: "resource",
            attachedToId: row.id,
            uploadedById: actor.personId,
          })
        : undefined;
      await recordAudit(tx, context, {
        action: "resource.created",
        subjectType: "resource",
        subjectId: row.id,
        details: {
          kind: resource.kind,
          scope: resource.scope,
          ...(upload ? { fileId, byteSize: upload.byteSize, sha256: upload.sha256 } : {}),
        },
      });
      if (upload) storedPath = await moveIntoStorage(upload, dataDir, actor.districtId, storageKey);
      return row.id;
    });
  } catch (error) {
    // The commit itself may fail after the file was moved: the row is gone, so the file must go too.
    if (storedPath) await rm(storedPath, { force: true });
    throw error;
  } finally {
    if (upload) await rm(upload.path, { force: true });
  }
}
