import type { Framework, LearningTarget, StandardNode } from "../../../contract/standards";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { FrameworkRow, NodeRow } from "./standards.queries";
import { type TargetRow, targetOf } from "./targets.queries";

export function presentFramework(actor: Actor, row: FrameworkRow): Framework {
  const { districtId, ...fields } = row;
  // Replacing or deleting a framework is importing's other half: the same people may do it.
  const { import: mayManage } = abilities(actor, ["standard.import"], { districtId });
  return { ...fields, can: { reimport: mayManage, delete: mayManage } };
}

export function presentNode(row: NodeRow): StandardNode {
  return {
    id: row.id,
    frameworkId: row.frameworkId,
    parentId: row.parentId,
    code: row.code,
    listEnumeration: row.listEnumeration,
    statement: row.statement,
    abbreviatedStatement: row.abbreviatedStatement,
    itemType: row.itemType,
    educationLevels: row.educationLevels,
    position: row.position,
    depth: row.depth,
    childCount: row.childCount,
  };
}

export function presentTarget(actor: Actor, row: TargetRow): LearningTarget {
  const mayManage = abilities(actor, ["target.manage"], targetOf(row)).manage;
  return {
    id: row.id,
    standardId: row.standardId,
    communityId: row.communityId,
    communityName: row.communityName,
    code: row.code,
    statement: row.statement,
    position: row.position,
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    can: { update: mayManage, delete: mayManage },
  };
}
