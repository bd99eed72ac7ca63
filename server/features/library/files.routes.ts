import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { IdParams } from "../../../contract/common";
import { files } from "../../db/schema";
import { notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findResource, resourceTarget } from "./library.queries";
import { attachmentDisposition, storedFilePath } from "./uploads";

/** Uploaded files, served only to those who may read what they are attached to. */
export async function filesRoutes(app: App) {
  app.get(
    "/files/:id",
    { config: { policy: "resource.read" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = request.actor as Actor;
      const [file] = await app.db.select().from(files).where(eq(files.id, request.params.id));
      // Files attached to discussion posts are served once discussions check their own read rule here.
      if (file?.attachedToType !== "resource") notFound("file");
      const resource = (await findResource(app.db, actor, file.attachedToId)) ?? notFound("file");
      authorize(actor, "resource.read", resourceTarget(resource));
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
