import { useQuery } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { Bell } from "lucide-react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import { useDisclosure } from "../../components/use-disclosure";
import styles from "./NotificationBell.module.css";
import { notificationsQuery, useMarkRead } from "./notifications.api";

const SHOWN = 10;

/** Notification links are app paths; anything else (another site, a script URL) goes home instead. */
function appPath(link: string): string {
  return link.startsWith("/") && !link.startsWith("//") ? link : "/";
}

/** The header's bell: the unread count, and a panel of the latest notifications that closes on Escape. */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useQuery(notificationsQuery);
  const markRead = useMarkRead();
  const { isOpen, setIsOpen, containerRef, buttonRef, panelId } = useDisclosure();
  const router = useRouter();
  const unread = notifications.data?.unread ?? 0;

  function handleOpen(event: MouseEvent<HTMLAnchorElement>, item: { id: string; link: string; read: boolean }) {
    if (!item.read) markRead.mutate({ ids: [item.id] });
    // A plain click stays in the app; Ctrl or middle click still opens a new tab the browser's way.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.history.push(appPath(item.link));
  }
  const items = notifications.data?.items.slice(0, SHOWN) ?? [];

  return (
    <div className={styles.bell} ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        {/* An SVG, not the emoji: a system with no emoji font showed the emoji as an empty box. */}
        <Bell aria-hidden="true" focusable="false" className={styles.icon} size={18} strokeWidth={2} />
        <span className="visually-hidden">{t("bell.label", { unread })}</span>
        {unread > 0 ? (
          <span className={styles.count} aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <div id={panelId} className={styles.panel} hidden={!isOpen}>
        <div className={styles.panelHeader}>
          <h2 className={styles.title}>{t("bell.title")}</h2>
          {unread > 0 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => markRead.mutate({ all: true })}
              disabled={markRead.isPending}
            >
              {t("bell.markAllRead")}
            </button>
          ) : null}
        </div>
        {notifications.isError ? (
          <p role="alert">{t("bell.loadFailed")}</p>
        ) : items.length === 0 ? (
          <p className="muted">{notifications.isPending ? t("bell.loading") : t("bell.nothingNew")}</p>
        ) : (
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.id} className={item.read ? styles.item : `${styles.item} ${styles.unread}`}>
                <a href={appPath(item.link)} onClick={(event) => handleOpen(event, item)}>
                  {item.read ? null : <span className="visually-hidden">{t("bell.unread")}</span>}
                  {item.title}
                </a>
                <span className={styles.meta}>
                  {item.actorName ? `${item.actorName} · ` : ""}
                  {formatDateTime(item.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
