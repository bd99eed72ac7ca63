import { Link, useRouterState } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import type { Me } from "../../../../contract/auth";
import { useSignOut } from "../auth/me.api";

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
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const signOut = useSignOut();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setIsOpen(false), [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) setIsOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", handlePointerDown);
    document.addEventListener("keydown", handleKeyDown);
    return () => {
      document.removeEventListener("pointerdown", handlePointerDown);
      document.removeEventListener("keydown", handleKeyDown);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.displayName)}
        </span>
        <span className="visually-hidden">Account: </span>
        <span className="user-menu-name">{me.displayName}</span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!isOpen}>
        <p className="user-menu-email">{me.email}</p>
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
