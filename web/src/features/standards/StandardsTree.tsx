import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import type { StandardNode } from "../../../../contract/standards";
import { StandardCode } from "./StandardCode";
import styles from "./StandardsTree.module.css";

type StandardsTreeProps = {
  label: string;
  nodes: StandardNode[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

type Index = { byId: Map<string, StandardNode>; children: Map<string | null, StandardNode[]> };

function indexNodes(nodes: StandardNode[]): Index {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const children = new Map<string | null, StandardNode[]>();
  for (const node of nodes) {
    // Under a grade filter a node's parent may be outside the list; it then shows at the top.
    const parent = node.parentId && byId.has(node.parentId) ? node.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(node);
    children.set(parent, siblings);
  }
  return { byId, children };
}

type VisibleNode = { node: StandardNode; level: number; position: number; setSize: number };

/** The nodes a reader can reach now: the top, and the children of every open node, in reading order. */
function visibleNodes(index: Index, expanded: Set<string>): VisibleNode[] {
  const visible: VisibleNode[] = [];
  const levelOf = (parent: string | null, level: number) => {
    const siblings = index.children.get(parent) ?? [];
    return siblings.map((node, i) => ({ node, level, position: i + 1, setSize: siblings.length })).reverse();
  };
  const stack = levelOf(null, 1);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    visible.push(entry);
    if (expanded.has(entry.node.id)) for (const child of levelOf(entry.node.id, entry.level + 1)) stack.push(child);
  }
  return visible;
}

/**
 * A framework as an ARIA tree (WAI-ARIA Authoring Practices, tree view): one item in the tab order; arrow keys
 * move, Right opens or goes to the first child, Left closes or goes to the parent, Home and End jump, Enter or
 * Space opens the standard. The items are rendered flat with aria-level, so each is named by its own text only,
 * and closed branches are not rendered at all, so large frameworks stay light.
 */
export function StandardsTree({ label, nodes, selectedId, onSelect }: StandardsTreeProps) {
  const index = useMemo(() => indexNodes(nodes), [nodes]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const itemRefs = useRef(new Map<string, HTMLDivElement>());
  const visible = useMemo(() => visibleNodes(index, expanded), [index, expanded]);

  // Opening a standard from search or a link opens the branches above it, so it can be seen in place.
  useEffect(() => {
    if (!selectedId || !index.byId.has(selectedId)) return;
    setExpanded((current) => {
      const next = new Set(current);
      for (let id = index.byId.get(selectedId)?.parentId; id && index.byId.has(id); id = index.byId.get(id)?.parentId) {
        next.add(id);
      }
      return next.size === current.size ? current : next;
    });
    setFocusedId(selectedId);
  }, [selectedId, index]);

  const tabStop = focusedId && visible.some((v) => v.node.id === focusedId) ? focusedId : visible[0]?.node.id;

  function moveFocus(node: StandardNode | undefined) {
    if (!node) return;
    setFocusedId(node.id);
    itemRefs.current.get(node.id)?.focus();
  }

  function setOpen(id: string, isOpen: boolean) {
    setExpanded((current) => {
      const next = new Set(current);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>, node: StandardNode) {
    const current = visible.findIndex((v) => v.node.id === node.id);
    const hasChildren = (index.children.get(node.id)?.length ?? 0) > 0;
    const isOpen = expanded.has(node.id);
    switch (event.key) {
      case "ArrowDown":
        moveFocus(visible[current + 1]?.node);
        break;
      case "ArrowUp":
        moveFocus(visible[current - 1]?.node);
        break;
      case "Home":
        moveFocus(visible[0]?.node);
        break;
      case "End":
        moveFocus(visible[visible.length - 1]?.node);
        break;
      case "ArrowRight":
        if (hasChildren && !isOpen) setOpen(node.id, true);
        else if (hasChildren) moveFocus(index.children.get(node.id)?.[0]);
        break;
      case "ArrowLeft":
        if (hasChildren && isOpen) setOpen(node.id, false);
        else moveFocus(node.parentId ? index.byId.get(node.parentId) : undefined);
        break;
      case "Enter":
      case " ":
        onSelect(node.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function renderItem({ node, level, position, setSize }: VisibleNode) {
    const hasChildren = (index.children.get(node.id)?.length ?? 0) > 0;
    const isOpen = expanded.has(node.id);
    return (
      <div
        key={node.id}
        ref={(element) => {
          if (element) itemRefs.current.set(node.id, element);
          else itemRefs.current.delete(node.id);
        }}
        role="treeitem"
        aria-level={level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-expanded={hasChildren ? isOpen : undefined}
        aria-selected={node.id === selectedId}
        tabIndex={node.id === tabStop ? 0 : -1}
        className={node.id === selectedId ? `${styles.item} ${styles.selected}` : styles.item}
        // The indent shows the level; set through the CSSOM, which the Content-Security-Policy allows.
        style={{ paddingInlineStart: `${(level - 1) * 1.25 + 0.4}rem` }}
        onKeyDown={(event) => handleKeyDown(event, node)}
        onFocus={() => setFocusedId(node.id)}
        onClick={() => {
          if (hasChildren) setOpen(node.id, !isOpen);
          setFocusedId(node.id);
          onSelect(node.id);
        }}
      >
        <span className={styles.toggle} aria-hidden="true">
          {hasChildren ? (isOpen ? "▾" : "▸") : ""}
        </span>
        {node.code ? <StandardCode code={node.code} /> : null}
        <span className={styles.statement}>
          {node.code ? node.statement : (node.abbreviatedStatement ?? node.statement)}
        </span>
      </div>
    );
  }

  return (
    <div role="tree" aria-label={label} className="standards-tree">
      {visible.map(renderItem)}
    </div>
  );
}
