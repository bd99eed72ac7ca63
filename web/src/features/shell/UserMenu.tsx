import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../../contract/auth";
import { useDisclosure } from "../../components/use-disclosure";
import { useSignOut } from "../auth/me.api";
import styles from "./UserMenu.module.css";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

/** The person's own links (Profile, Sign out), as a disclosure that closes on Escape or a click elsewhere. */
export function UserMenu({ me }: { me: Me }) {
  const { isOpen, setIsOpen, containerRef, buttonRef, panelId } = useDisclosure();
  const signOut = useSignOut();
  const { t } = useTranslation();

  return (
    <div className={styles.menu} ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(me.displayName)}
        </span>
        <span className="visually-hidden">{t("shell.account")}</span>
        <span className={styles.name}>{me.displayName}</span>
      </button>
      <div id={panelId} className={styles.panel} hidden={!isOpen}>
        <p className={styles.email}>{me.email}</p>
        <ul>
          <li>
            <Link to="/profile">{t("shell.profile")}</Link>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              {t("shell.signOut")}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
