import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import type { ResourceKind, ResourceScope } from "../../../contract/library";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { files, resources } from "../../db/schema";
import type { Actor } from "../../policy/actor";
import { resourceSearchVector } from "./library.queries";
import { newStorageKey, storedFilePath, type TempUpload } from "./uploads";

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
};

/**
 * Creates a resource, and its file when there is one, all or nothing: the rows are written in one transaction,
 * and the file moves from uploads/tmp into the district's folder as the transaction's last step. If anything
 * fails, the transaction rolls back and neither the temporary nor the stored file is left on disk.
 */
export async function createResource(
  db: Db,
  request: FastifyRequest,
  options: { actor: Actor; resource: NewResource; upload: TempUpload | null; dataDir: string },
): Promise<string> {
  const { actor, resource, upload, dataDir } = options;
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
      let fileId: string | undefined;
      const storageKey = newStorageKey();
      if (upload) {
        const [file] = await tx
          .insert(files)
          .values({
            districtId: actor.districtId,
            storageKey,
            originalName: upload.originalName,
            contentType: upload.contentType,
            byteSize: upload.byteSize,
            sha256: upload.sha256,
            attachedToType: "resource",
            attachedToId: row.id,
            uploadedById: actor.personId,
          })
          .returning({ id: files.id });
        fileId = file?.id;
      }
      await recordAudit(tx, request, {
        action: "resource.created",
        subjectType: "resource",
        subjectId: row.id,
        details: {
          kind: resource.kind,
          scope: resource.scope,
          ...(upload ? { fileId, byteSize: upload.byteSize, sha256: upload.sha256 } : {}),
        },
      });
      if (upload) {
        const target = storedFilePath(dataDir, actor.districtId, storageKey);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(upload.path, target);
        storedPath = target;
      }
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
