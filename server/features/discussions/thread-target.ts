import type { Db } from "../../db/client";
import type { ThreadTarget } from "../../policy/rules";
import { findCommunity } from "../communities/communities.queries";
import { findThread, type ThreadRow } from "./discussions.queries";

/** A thread with the target shape its rules judge it by (its community loaded), or undefined. */
export async function findThreadWithTarget(
  db: Db,
  id: string,
): Promise<{ thread: ThreadRow; target: ThreadTarget } | undefined> {
  const thread = await findThread(db, id);
  if (!thread) return undefined;
  const community = thread.communityId ? ((await findCommunity(db, thread.communityId)) ?? null) : null;
  const target: ThreadTarget = {
    districtId: thread.districtId,
    id: thread.id,
    authorId: thread.author?.id ?? null,
    community,
  };
  return { thread, target };
}
