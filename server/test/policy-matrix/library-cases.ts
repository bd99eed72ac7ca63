import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { files, resources } from "../../db/schema";
import { newStorageKey, storedFilePath } from "../../files/storage";
import { type Case, COMMUNITY_MANAGERS, COMMUNITY_READERS, type Ctx, STAFF, type Targets } from "./matrix-context";

/** A fresh community-scope resource in the district's community, shared by a member who is none of the roles. */
async function freshResource(c: Ctx, targets: Targets, kind: "link" | "file" = "link"): Promise<string> {
  const [row] = await c.db
    .insert(resources)
    .values({
      districtId: targets.district.id,
      kind,
      title: "Exit ticket routine",
      description: "Three questions at the door.",
      url: kind === "link" ? "https://example.org/exit-tickets" : null,
      scope: "community",
      communityId: targets.communityId,
      createdById: targets.teacher.id,
    })
    .returning({ id: resources.id });
  return row?.id as string;
}

const shared = new WeakMap<Targets, Promise<string>>();
const sharedIds = new WeakMap<Targets, string>();

/** One resource per district that the read-only and interaction cases share. */
function resourceOf(c: Ctx, targets: Targets): Promise<string> {
  let id = shared.get(targets);
  if (!id) {
    id = freshResource(c, targets).then((created) => {
      sharedIds.set(targets, created);
      return created;
    });
    shared.set(targets, id);
  }
  return id;
}

const storedFiles = new WeakMap<Targets, Promise<string>>();

/** A file resource with its file stored on disk under the app's DATA_DIR. */
function fileOf(c: Ctx, targets: Targets): Promise<string> {
  let id = storedFiles.get(targets);
  if (!id) {
    id = (async () => {
      const resourceId = await freshResource(c, targets, "file");
      const storageKey = newStorageKey();
      const content = "Exit ticket: what did you learn today?\n";
      const filePath = storedFilePath(c.dataDir, targets.district.id, storageKey);
      await mkdir(path.dirname(filePath), { recursive: true });
      await writeFile(filePath, content);
      const [file] = await c.db
        .insert(files)
        .values({
          districtId: targets.district.id,
          storageKey,
          originalName: "exit-ticket.txt",
          contentType: "text/plain; charset=utf-8",
          byteSize: Buffer.byteLength(content),
          sha256: "-",
          attachedToType: "resource",
          attachedToId: resourceId,
          uploadedById: targets.teacher.id,
        })
        .returning({ id: files.id });
      return file?.id as string;
    })();
    storedFiles.set(targets, id);
  }
  return id;
}

/** The shared library: resources, comments, ratings, classroom uses and uploaded files. */
export const libraryCases: Record<string, Case> = {
  "GET /api/v1/resources": {
    allowed: "all",
    own: async (c) => {
      await resourceOf(c, c.other);
      return { url: "/api/v1/resources?pageSize=200" };
    },
    leakCheck: (c) => sharedIds.get(c.other) ?? "another district's resource",
  },
  "POST /api/v1/resources": {
    allowed: STAFF,
    own: (c) => ({
      url: "/api/v1/resources",
      payload: { kind: "strategy", title: `Think-pair-share ${c.unique()}`, scope: "district" },
    }),
    other: (c) => ({
      url: "/api/v1/resources",
      payload: { kind: "strategy", title: "Think-pair-share", scope: "community", communityId: c.other.communityId },
    }),
  },
  "GET /api/v1/resources/:id": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.other)}` }),
  },
  "PATCH /api/v1/resources/:id": {
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.own)}`, payload: { tags: ["routine"] } }),
    other: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.other)}`, payload: { tags: ["x"] } }),
  },
  "DELETE /api/v1/resources/:id": {
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => ({ url: `/api/v1/resources/${await freshResource(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/resources/${await freshResource(c, c.other)}` }),
  },
  "POST /api/v1/resources/:id/comments": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({
      url: `/api/v1/resources/${await resourceOf(c, c.own)}/comments`,
      payload: { body: "We tried this in grade 3." },
    }),
    other: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.other)}/comments`, payload: { body: "x" } }),
  },
  "PUT /api/v1/resources/:id/rating": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({ url: `/api/v1/resources/${await resourceOf(c, c.own)}/rating`, payload: { usefulness: 4 } }),
    other: async (c) => ({
      url: `/api/v1/resources/${await resourceOf(c, c.other)}/rating`,
      payload: { usefulness: 4 },
    }),
  },
  "POST /api/v1/resources/:id/uses": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({
      url: `/api/v1/resources/${await resourceOf(c, c.own)}/uses`,
      payload: { usedOn: "2027-01-15", reflection: "Quick and telling." },
    }),
    other: async (c) => ({
      url: `/api/v1/resources/${await resourceOf(c, c.other)}/uses`,
      payload: { usedOn: "2027-01-15", reflection: "x" },
    }),
  },
  "GET /api/v1/files/:id": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({ url: `/api/v1/files/${await fileOf(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/files/${await fileOf(c, c.other)}` }),
  },
};
