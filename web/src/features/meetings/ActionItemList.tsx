import { useRef, useState } from "react";
import type { ActionItem } from "../../../../contract/meetings";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDay } from "../../components/format";
import { useMe } from "../auth/me.api";
import { useCompleteActionItem } from "./action-items.api";
import styles from "./ItemList.module.css";

type ActionItemListProps = {
  items: readonly ActionItem[];
  /** The community's `can.contribute`: anyone who may may close any item; owners may close their own. */
  canContribute: boolean;
  emptyText: string;
};

/** Action items with owner and due date, each with "Mark done" for those allowed. */
export function ActionItemList({ items, canContribute, emptyText }: ActionItemListProps) {
  const me = useMe();
  const completeItem = useCompleteActionItem();
  const [completed, setCompleted] = useState<string | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);

  function handleComplete(item: ActionItem) {
    setCompleted(null);
    completeItem.mutate(item.id, {
      onSuccess: () => {
        setCompleted(item.title);
        // The pressed button may leave with its item; keep keyboard users in the list rather than at the top.
        requestAnimationFrame(() => {
          if (!document.activeElement || document.activeElement === document.body) regionRef.current?.focus();
        });
      },
    });
  }

  return (
    <div ref={regionRef} tabIndex={-1} className="focus-region">
      <div role="status" className="status-region">
        {completed ? <p className="notice notice-success">Marked “{completed}” done.</p> : null}
      </div>
      <FormAlert message={completeItem.error ? problemFromError(completeItem.error).message : null} />
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => {
            const canComplete = item.status === "open" && (canContribute || item.ownerId === me.id);
            return (
              <li key={item.id} className={styles.item}>
                <div className={styles.main}>
                  <p className={styles.title}>{item.title}</p>
                  <p className={styles.meta}>
                    <span>Owner: {item.ownerName ?? "nobody yet"}</span>
                    <span>Due: {item.dueOn ? formatDay(item.dueOn) : "no date"}</span>
                    {item.isOverdue ? <span className={`badge ${styles.overdue}`}>Overdue</span> : null}
                    {item.status === "done" ? <span className="badge badge-active">Done</span> : null}
                  </p>
                </div>
                {canComplete ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={completeItem.isPending}
                    onClick={() => handleComplete(item)}
                  >
                    Mark done<span className="visually-hidden">: {item.title}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
