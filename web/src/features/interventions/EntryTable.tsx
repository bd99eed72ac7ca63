import type { ReactNode } from "react";
import styles from "./EntryTable.module.css";

/** A data table whose cells hold compact inputs: a score or an attendance choice per student. */
export function EntryTable({ children }: { children: ReactNode }) {
  return <table className={`data-table ${styles.table}`}>{children}</table>;
}
