import type { Attachment, ThreadDetail } from "../../../contract/discussions";
import type { Actor } from "../../policy/actor";
import { abilities, can } from "../../policy/authorize";
import type { ThreadTarget } from "../../policy/rules";
import type { listReplies, ThreadRow } from "./discussions.queries";

/** A thread's page: the thread, its replies and the files of each post, with what the actor may do. */
export function presentThreadDetail(
  actor: Actor,
  loaded: { thread: ThreadRow; target: ThreadTarget },
  replies: Awaited<ReturnType<typeof listReplies>>,
  attachments: Map<string, Attachment[]>,
): ThreadDetail {
  const { thread, target } = loaded;
  const { districtId: _districtId, ...shown } = thread;
  return {
    ...shown,
    attachments: attachments.get(thread.id) ?? [],
    replies: replies.map((r) => ({
      ...r,
      attachments: attachments.get(r.id) ?? [],
      canAttach: can(actor, "post.attach", { districtId: thread.districtId, authorId: r.author?.id ?? null }),
    })),
    can: {
      ...abilities(actor, ["thread.post", "thread.update"], target),
      attach: can(actor, "post.attach", { districtId: thread.districtId, authorId: thread.author?.id ?? null }),
    },
  };
}
