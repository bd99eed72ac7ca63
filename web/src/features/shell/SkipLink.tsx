import { useTranslation } from "react-i18next";
import styles from "./SkipLink.module.css";

/** The first stop for keyboard users: jumps past the header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={styles.skipLink} href="#main">
      {t("shell.skipToMain")}
    </a>
  );
}
