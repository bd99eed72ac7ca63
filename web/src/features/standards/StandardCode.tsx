import styles from "./StandardCode.module.css";

/** A standard's code ("4.NF.B.3") in monospace before its statement, kept on one line. */
export function StandardCode({ code }: { code: string }) {
  return <span className={styles.code}>{code}</span>;
}
