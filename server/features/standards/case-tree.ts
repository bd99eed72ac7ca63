import { type CFItem, type CFPackage, itemTypeNames, MAX_PROBLEMS, type PackageProblem } from "./case-package";

/** One item of the package placed in the framework's tree. */
export type PlannedNode = {
  item: CFItem;
  itemType: string | undefined;
  /** The parent item's CASE identifier; null at the top of the framework. */
  parentIdentifier: string | null;
  position: number;
  depth: number;
};

export type FrameworkPlan = {
  /** Every item, parents before their children, siblings in order (a pre-order walk of the tree). */
  nodes: PlannedNode[];
  hierarchyAssociations: number;
  warnings: PackageProblem[];
};

const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

type Placement = { parent: string | null; sequence: number | undefined; associationIndex: number | null };

/**
 * Siblings in CASE order: sequenceNumber first (numbered ones before unnumbered), then the human coding
 * scheme in natural order ("RL.3.2" before "RL.3.10"), then the statement; the identifier breaks the last ties.
 */
function compareSiblings(a: { item: CFItem; sequence: number | undefined }, b: typeof a): number {
  if (a.sequence !== undefined || b.sequence !== undefined) {
    if (a.sequence === undefined) return 1;
    if (b.sequence === undefined) return -1;
    if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  }
  const [codeA, codeB] = [a.item.humanCodingScheme, b.item.humanCodingScheme];
  if (codeA !== codeB) {
    if (codeA === undefined) return 1;
    if (codeB === undefined) return -1;
    const byCode = naturalOrder.compare(codeA, codeB);
    if (byCode !== 0) return byCode;
  }
  return (
    naturalOrder.compare(a.item.fullStatement, b.item.fullStatement) ||
    (a.item.identifier < b.item.identifier ? -1 : a.item.identifier > b.item.identifier ? 1 : 0)
  );
}

function label(item: CFItem | undefined, identifier: string): string {
  return item?.humanCodingScheme ?? identifier;
}

/**
 * Turns a checked CFPackage into the framework's tree: the isChildOf associations (origin = child,
 * destination = parent; top-level items point at the CFDocument) decide each item's parent. Unknown nodes,
 * duplicate identifiers and cycles are problems; an item with no parent or several is a warning.
 */
export function planFramework(pkg: CFPackage): { plan: FrameworkPlan } | { problems: PackageProblem[] } {
  const problems: PackageProblem[] = [];
  const warnings: PackageProblem[] = [];
  const documentId = pkg.CFDocument.identifier;
  const itemIndex = new Map<string, number>();

  pkg.CFItems.forEach((item, index) => {
    const pointer = `/CFItems/${index}/identifier`;
    const earlier = itemIndex.get(item.identifier);
    if (earlier !== undefined)
      problems.push({ pointer, detail: `Another item, /CFItems/${earlier}, has the same identifier.` });
    else if (item.identifier === documentId)
      problems.push({ pointer, detail: "An item has the CFDocument's identifier." });
    else itemIndex.set(item.identifier, index);
  });

  const placements = new Map<string, Placement>();
  let hierarchyAssociations = 0;
  pkg.CFAssociations.forEach((association, index) => {
    if (association.associationType !== "isChildOf") return;
    hierarchyAssociations++;
    const pointer = `/CFAssociations/${index}`;
    const child = association.originNodeURI.identifier;
    const parent = association.destinationNodeURI.identifier;
    if (!itemIndex.has(child)) {
      problems.push({
        pointer: `${pointer}/originNodeURI/identifier`,
        detail: `No CFItem in the package has the identifier ${child}.`,
      });
      return;
    }
    if (parent !== documentId && !itemIndex.has(parent)) {
      problems.push({
        pointer: `${pointer}/destinationNodeURI/identifier`,
        detail: `Neither the CFDocument nor any CFItem in the package has the identifier ${parent}.`,
      });
      return;
    }
    const placed = placements.get(child);
    const wanted = {
      parent: parent === documentId ? null : parent,
      sequence: association.sequenceNumber,
      associationIndex: index,
    };
    if (!placed) placements.set(child, wanted);
    else if (placed.parent !== wanted.parent) {
      const item = pkg.CFItems[itemIndex.get(child) as number];
      warnings.push({ pointer, detail: `${label(item, child)} has more than one parent; it is kept under the first.` });
    }
  });
  // Identifiers and associations are checked together, so one answer names every problem of both kinds.
  if (problems.length) return { problems: problems.slice(0, MAX_PROBLEMS) };

  problems.push(...findCycles(pkg, itemIndex, placements));
  if (problems.length) return { problems: problems.slice(0, MAX_PROBLEMS) };

  const children = new Map<string | null, { item: CFItem; sequence: number | undefined }[]>();
  pkg.CFItems.forEach((item, index) => {
    const placed = placements.get(item.identifier);
    if (!placed) {
      warnings.push({
        pointer: `/CFItems/${index}`,
        detail: `No isChildOf association places ${label(item, item.identifier)}; it is shown at the top.`,
      });
    }
    const parent = placed?.parent ?? null;
    const siblings = children.get(parent) ?? [];
    siblings.push({ item, sequence: placed?.sequence });
    children.set(parent, siblings);
  });

  const typeOf = itemTypeNames(pkg);
  const childrenOf = (parent: string | null, depth: number): PlannedNode[] =>
    (children.get(parent) ?? []).sort(compareSiblings).map((entry, position) => ({
      item: entry.item,
      itemType: typeOf(entry.item),
      parentIdentifier: parent,
      position,
      depth,
    }));
  // A pre-order walk with an explicit stack rather than recursion: nothing here should trust a package's depth.
  const nodes: PlannedNode[] = [];
  const stack = childrenOf(null, 0).reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    nodes.push(node);
    for (const child of childrenOf(node.item.identifier, node.depth + 1).reverse()) stack.push(child);
  }
  return { plan: { nodes, hierarchyAssociations, warnings: warnings.slice(0, MAX_PROBLEMS) } };
}

/** isChildOf must form a tree: following parents from any item has to reach the top without coming back. */
function findCycles(
  pkg: CFPackage,
  itemIndex: Map<string, number>,
  placements: Map<string, Placement>,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const done = new Set<string>();
  for (const start of itemIndex.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = start;
    while (current !== null && !done.has(current)) {
      if (onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current));
        const names = [...cycle, current].map((id) => label(pkg.CFItems[itemIndex.get(id) as number], id));
        const closing = placements.get(cycle[cycle.length - 1] as string)?.associationIndex;
        problems.push({
          pointer: closing === null || closing === undefined ? "/CFAssociations" : `/CFAssociations/${closing}`,
          detail: `The isChildOf associations form a cycle: ${names.join(" → ")}.`,
        });
        break;
      }
      path.push(current);
      onPath.add(current);
      current = placements.get(current)?.parent ?? null;
    }
    for (const id of path) done.add(id);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}
