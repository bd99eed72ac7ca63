import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { IdParams } from "../../../contract/common";
import { files } from "../../db/schema";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { threadOfAttachment } from "../discussions/attachments.queries";
import { findThread } from "../discussions/discussions.queries";
import { findResource, resourceTarget } from "./library.queries";
import { attachmentDisposition, storedFilePath } from "./uploads";

/** Uploaded files, served only to those who may read what they are attached to. */
export async function filesRoutes(app: App) {
  app.get(
    "/files/:id",
    // The rule asked depends on what the file is attached to: resource.read, or thread.read for discussions.
    { config: { policy: "resource.read" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const [file] = await app.db.select().from(files).where(eq(files.id, request.params.id));
      if (!file) notFound("file");
      if (file.attachedToType === "resource") {
        const resource = (await findResource(app.db, actor, file.attachedToId)) ?? notFound("file");
        authorize(actor, "resource.read", resourceTarget(resource));
      } else {
        const threadId = (await threadOfAttachment(app.db, file)) ?? notFound("file");
        const thread = (await findThread(app.db, threadId)) ?? notFound("file");
        const community = thread.communityId ? ((await findCommunity(app.db, thread.communityId)) ?? null) : null;
        authorize(actor, "thread.read", {
          districtId: thread.districtId,
          id: thread.id,
          authorId: thread.author?.id ?? null,
          community,
        });
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
