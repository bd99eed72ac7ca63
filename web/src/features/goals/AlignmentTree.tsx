import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import type { GoalSummary, GoalTree, GoalTreeNode } from "../../../../contract/goals";
import { EmptyState } from "../../components/EmptyState";
import { ProgressBar, StatusBadge } from "./GoalBits";
import styles from "./Goals.module.css";
import { LEVEL_LABELS } from "./goal-format";

/** One goal in the tree: its level, title, status and progress, and a button that shows or hides what serves it. */
function TreeNode({ node, tree }: { node: GoalTreeNode; tree: GoalTree }) {
  const [isOpen, setIsOpen] = useState(node.goal.level !== "team");
  const { goal, children } = node;
  const listId = useId();
  return (
    <li className={styles.node}>
      <div className={styles.nodeRow}>
        {children.length > 0 ? (
          <button
            type="button"
            className={`button button-secondary button-small ${styles.toggle}`}
            aria-expanded={isOpen}
            aria-controls={listId}
            onClick={() => setIsOpen((open) => !open)}
          >
            {isOpen ? "Hide" : "Show"} {children.length}{" "}
            <span className="visually-hidden">goals serving {goal.title}</span>
          </button>
        ) : null}
        <GoalLine goal={goal} />
        {tree.unsupportedIds.includes(goal.id) ? (
          <span className={styles.callout}>Nothing serves this goal yet</span>
        ) : null}
        {tree.teamsWithoutSchoolGoal.includes(goal.id) ? (
          <span className={styles.callout}>Serves no school goal</span>
        ) : null}
      </div>
      {children.length > 0 ? (
        <ul id={listId} hidden={!isOpen}>
          {children.map((child) => (
            <TreeNode key={child.goal.id} node={child} tree={tree} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A goal's line: level, linked title, status badge and progress. */
export function GoalLine({ goal }: { goal: GoalSummary }) {
  return (
    <>
      <span className={`muted ${styles.level}`}>{LEVEL_LABELS[goal.level]}</span>
      <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
        {goal.title}
      </Link>
      <StatusBadge status={goal.progress.status} />
      <ProgressBar goal={goal} />
    </>
  );
}

/** From every district goal down to individual goals, with the goals nothing serves and those serving nothing called out. */
export function AlignmentTree({ tree }: { tree: GoalTree }) {
  if (tree.roots.length === 0 && tree.unaligned.length === 0) {
    return (
      <EmptyState title="No goals yet" headingLevel={3}>
        District leaders set district goals; schools, teams and educators line their goals up beneath them.
      </EmptyState>
    );
  }
  return (
    <>
      {tree.roots.length > 0 ? (
        <ul className={styles.tree} aria-label="Goals from the district down">
          {tree.roots.map((node) => (
            <TreeNode key={node.goal.id} node={node} tree={tree} />
          ))}
        </ul>
      ) : (
        <p className="muted">No district goals yet.</p>
      )}
      {tree.unaligned.length > 0 ? (
        <>
          <h3>Not lined up with a goal above</h3>
          <ul className={styles.tree}>
            {tree.unaligned.map((goal) => (
              <TreeNode key={goal.id} node={{ goal, children: [] }} tree={tree} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
