import { Ok } from "../../../contract/common";
import { MarkReadInput, NotificationList, NotificationSettings } from "../../../contract/notifications";
import { requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { markNotificationsRead, saveEmailDigestSetting } from "./notification-commands";
import { presentNotifications } from "./notifications.present";
import { findEmailDigestSetting, listNotifications } from "./notifications.queries";

/** The bell: one's own notifications, and whether to get them by email. */
export async function notificationsRoutes(app: App) {
  app.get(
    "/me/notifications",
    { config: { policy: "signed-in" }, schema: { response: { 200: NotificationList } } },
    async (request) => presentNotifications(await listNotifications(app.db, requireActor(request).personId)),
  );

  app.post(
    "/me/notifications/read",
    { config: { policy: "signed-in" }, schema: { body: MarkReadInput, response: { 200: Ok } } },
    async (request) => {
      await markNotificationsRead(app.db, requireActor(request).personId, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    "/me/notification-settings",
    { config: { policy: "signed-in" }, schema: { response: { 200: NotificationSettings } } },
    async (request) => ({ emailDigest: await findEmailDigestSetting(app.db, requireActor(request).personId) }),
  );

  app.put(
    "/me/notification-settings",
    {
      config: { policy: "signed-in" },
      schema: { body: NotificationSettings, response: { 200: NotificationSettings } },
    },
    async (request) => {
      await saveEmailDigestSetting(app.db, requireActor(request), request.body.emailDigest);
      return request.body;
    },
  );
}
