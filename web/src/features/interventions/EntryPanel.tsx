import type { FormEvent, ReactNode, RefObject } from "react";
import { FormAlert } from "../../components/FormAlert";
import styles from "./EntryPanel.module.css";

type EntryPanelProps = {
  headingId: string;
  title: string;
  intro?: ReactNode;
  formRef?: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent) => void;
  /** The message above the fields when something failed, and the one that says what was saved. */
  problem: string | null;
  saved: string | null;
  isPending: boolean;
  saveLabel: string;
  children: ReactNode;
};

/** A panel for recording progress data (scores, sessions) for one plan or a whole group: the same frame for all four. */
export function EntryPanel(props: EntryPanelProps) {
  return (
    <section className="panel" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.title}</h2>
      {props.intro}
      <form ref={props.formRef} onSubmit={props.onSubmit} noValidate className="form">
        <FormAlert message={props.problem} />
        <FormAlert message={props.saved} tone="success" />
        {props.children}
        <div className="actions">
          <button type="submit" className="button" disabled={props.isPending}>
            {props.isPending ? "Saving…" : props.saveLabel}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The entry panels of a group or a plan, side by side where the screen is wide enough. */
export function EntryPanels({ children }: { children: ReactNode }) {
  return <div className={styles.panels}>{children}</div>;
}
