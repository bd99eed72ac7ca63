import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import { requireCommunity } from "../communities/communities.queries";

/** The team's community, checked for reading and, when asked, for managing its essentials. */
export async function requireEssentialsCommunity(db: Db, actor: Actor, communityId: string, isWrite: boolean) {
  const community = await requireCommunity(db, communityId);
  authorize(actor, "community.read", community);
  if (isWrite) authorize(actor, "target.manage", { districtId: community.districtId, community });
  return community;
}
