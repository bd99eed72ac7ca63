import styles from "./SkipLink.module.css";

/** The first stop for keyboard users: jumps past the header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <a className={styles.skipLink} href="#main">
      Skip to main content
    </a>
  );
}
