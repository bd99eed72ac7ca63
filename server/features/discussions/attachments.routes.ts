import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import multipart from "@fastify/multipart";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { ThreadDetail } from "../../../contract/discussions";
import { recordAudit } from "../../audit/record-audit";
import { discussionReplies, files } from "../../db/schema";
import { HttpProblem, invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { newStorageKey, receiveFile, storedFilePath } from "../library/uploads";

const MAX_ATTACHMENTS_PER_POST = 10;
const ReplyParams = z.strictObject({ id: z.uuid(), replyId: z.uuid() });

type Post = { type: "thread" | "reply"; id: string; districtId: string; authorId: string | null };

/** Files attached to discussion posts by their authors; downloads go through GET /files/:id. */
export async function attachmentsRoutes(
  app: App,
  options: { detail: (actor: Actor, threadId: string) => Promise<z.infer<typeof ThreadDetail>> },
) {
  // This plugin reads one multipart file per request; elsewhere the app accepts JSON alone.
  await app.register(multipart, { limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 0, parts: 1 } });

  /** Receives the upload and stores it with its row, all or nothing (as the library does for resources). */
  async function attach(request: FastifyRequest, actor: Actor, post: Post) {
    authorize(actor, "post.attach", post);
    const [count] = await app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(files)
      .where(and(eq(files.attachedToType, post.type), eq(files.attachedToId, post.id)));
    if ((count?.n ?? 0) >= MAX_ATTACHMENTS_PER_POST) invalid(`A post holds at most ${MAX_ATTACHMENTS_PER_POST} files.`);
    let part: Awaited<ReturnType<FastifyRequest["file"]>>;
    try {
      part = await request.file();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "FST_REQ_FILE_TOO_LARGE") throw new HttpProblem(413, "Content too large", "The file is too large.");
      if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE")
        throw new HttpProblem(415, "Unsupported media type", "Send the file as multipart/form-data.");
      throw error;
    }
    if (part?.fieldname !== "file") {
      part?.file.resume();
      invalid("Attach one file, in the `file` field.", [{ pointer: "/body/file", detail: "Choose a file." }]);
    }
    const upload = await receiveFile(part, app.config.dataDir, app.config.maxUploadBytes);
    let storedPath: string | undefined;
    try {
      await app.db.transaction(async (tx) => {
        const storageKey = newStorageKey();
        const [row] = await tx
          .insert(files)
          .values({
            districtId: post.districtId,
            storageKey,
            originalName: upload.originalName,
            contentType: upload.contentType,
            byteSize: upload.byteSize,
            sha256: upload.sha256,
            attachedToType: post.type,
            attachedToId: post.id,
            uploadedById: actor.personId,
          })
          .returning({ id: files.id });
        await recordAudit(tx, request, {
          action: "discussion.file_attached",
          subjectType: post.type,
          subjectId: post.id,
          details: { fileId: row?.id, byteSize: upload.byteSize, sha256: upload.sha256 },
        });
        const target = storedFilePath(app.config.dataDir, post.districtId, storageKey);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(upload.path, target);
        storedPath = target;
      });
    } catch (error) {
      if (storedPath) await rm(storedPath, { force: true });
      throw error;
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  app.post(
    "/threads/:id/attachments",
    { config: { policy: "post.attach" }, schema: { params: IdParams, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const thread = await app.db.execute<{ id: string; district_id: string; author_id: string | null }>(
        sql`select id, district_id, author_id from discussion_threads where id = ${request.params.id}`,
      );
      const row = thread.rows[0] ?? notFound("thread");
      // Seeing the thread comes first: an outsider learns nothing from the answer.
      await options.detail(actor, row.id);
      await attach(request, actor, {
        type: "thread",
        id: row.id,
        districtId: row.district_id,
        authorId: row.author_id,
      });
      return reply.code(201).send(await options.detail(actor, row.id));
    },
  );

  app.post(
    "/threads/:id/replies/:replyId/attachments",
    { config: { policy: "post.attach" }, schema: { params: ReplyParams, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await options.detail(actor, request.params.id);
      const [post] = await app.db
        .select()
        .from(discussionReplies)
        .where(
          and(eq(discussionReplies.id, request.params.replyId), eq(discussionReplies.threadId, request.params.id)),
        );
      if (!post) notFound("reply");
      await attach(request, actor, {
        type: "reply",
        id: post.id,
        districtId: post.districtId,
        authorId: post.authorId,
      });
      return reply.code(201).send(await options.detail(actor, request.params.id));
    },
  );
}
