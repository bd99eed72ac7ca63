import { Link, useRouterState } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "./MainNav.module.css";
import { AREAS, type Area } from "./navigation";

/** The areas this person may use; on a phone it folds behind a Menu button. */
export function MainNav({ areas }: { areas: readonly Area[] }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setIsOpen(false), [pathname]);

  return (
    <nav aria-label={t("shell.mainNav")} className={isOpen ? `${styles.nav} ${styles.open}` : styles.nav}>
      <button
        type="button"
        className={styles.toggle}
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className={styles.toggleIcon} aria-hidden="true" />
        {t("shell.menu")}
      </button>
      <ul id={listId} className={styles.list}>
        {areas.map((area) => (
          <li key={area}>
            <Link
              to={AREAS[area].to}
              activeOptions={{ exact: area === "home" }}
              activeProps={{ className: styles.active, "aria-current": "page" }}
            >
              {t(AREAS[area].label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
