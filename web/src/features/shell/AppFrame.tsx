import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { languageOf } from "../../i18n/i18n";
import { useMe } from "../auth/me.api";
import { NotificationBell } from "../notifications/NotificationBell";
import styles from "./AppFrame.module.css";
import { MainNav } from "./MainNav";
import { SkipLink } from "./SkipLink";
import { UserMenu } from "./UserMenu";

/** The frame of every signed-in page: header, main navigation, and the page itself. */
export function AppFrame() {
  const me = useMe();
  const mainRef = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const previousPath = useRef(pathname);
  const { i18n } = useTranslation();
  const language = languageOf(me.preferredLanguage);

  // The interface speaks the person's preferred language (set on the profile), and says so to assistive technology.
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  // A client-side navigation does not move focus like a page load does, so screen reader users would
  // stay on the link they followed; sending focus to the new page's main region fixes that.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <div className={styles.app}>
      <SkipLink />
      <header className={styles.header}>
        <div className={styles.brand}>
          <Link to="/" className="brand-name">
            Collective
          </Link>
          <span className={styles.districtName}>{me.district.name}</span>
        </div>
        <div className={styles.tools}>
          <NotificationBell />
          <UserMenu me={me} />
        </div>
      </header>
      <div className={styles.body}>
        <MainNav areas={me.navigation} />
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
