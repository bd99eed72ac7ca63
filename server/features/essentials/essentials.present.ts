import type { EssentialStandard } from "../../../contract/essentials";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { CommunityTarget } from "../../policy/rules";
import type { EssentialStandardRow } from "./essentials.queries";

/** What the actor may do with a team's essential standards and targets: `manage` them or only read. */
export function essentialsAbilities(actor: Actor, community: CommunityTarget) {
  return abilities(actor, ["target.manage"], { districtId: community.districtId, community });
}

/** An essential standard as the API sends it, with its targets and the actor's abilities. */
export function presentEssentialStandard(row: EssentialStandardRow, can: EssentialStandard["can"]): EssentialStandard {
  return {
    id: row.id,
    communityId: row.communityId,
    standard: row.standard,
    course: row.course,
    grade: row.grade,
    unitTitle: row.unitTitle,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    rationale: row.rationale,
    scaleLevels: row.scaleLevels,
    proficientLevel: row.proficientLevel,
    position: row.position,
    targets: row.targets,
    can,
  };
}
