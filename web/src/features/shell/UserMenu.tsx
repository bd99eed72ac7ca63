import { Link } from "@tanstack/react-router";
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
        <span className="visually-hidden">Account: </span>
        <span className={styles.name}>{me.displayName}</span>
      </button>
      <div id={panelId} className={styles.panel} hidden={!isOpen}>
        <p className={styles.email}>{me.email}</p>
        <ul>
          <li>
            <Link to="/profile">Profile</Link>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
