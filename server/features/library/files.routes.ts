import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { IdParams } from "../../../contract/common";
import { notFound } from "../../errors";
import { attachmentDisposition, storedFilePath } from "../../files/storage";
import { findStoredFile } from "../../files/stored-files";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { threadOfAttachment } from "../discussions/attachments.queries";
import { findThreadWithTarget } from "../discussions/thread-target";
import { findResource, resourceTarget } from "./library.queries";

/** Uploaded files, served only to those who may read what they are attached to. */
export async function filesRoutes(app: App) {
  app.get(
    "/files/:id",
    // The rule asked depends on what the file is attached to: resource.read, or thread.read for discussions.
    { config: { policy: "resource.read" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = (await findStoredFile(app.db, request.params.id)) ?? notFound("file");
      if (file.attachedToType === "resource") {
        const resource = (await findResource(app.db, actor, file.attachedToId)) ?? notFound("file");
        authorize(actor, "resource.read", resourceTarget(resource));
      } else {
        const threadId = (await threadOfAttachment(app.db, file)) ?? notFound("file");
        const { target } = (await findThreadWithTarget(app.db, threadId)) ?? notFound("file");
        authorize(actor, "thread.read", target);
      }
      const filePath = storedFilePath(app.config.dataDir, file.districtId, file.storageKey);
      const size = await stat(filePath).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) {
        request.log.error({ fileId: file.id }, "stored file is missing from disk");
        notFound("file");
      }
      return reply
        .type(file.contentType)
        .header("content-length", size)
        .header("content-disposition", attachmentDisposition(file.originalName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-cache")
        .send(createReadStream(filePath));
    },
  );
}
