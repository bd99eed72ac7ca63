import { Ok } from "../../../contract/common";
import {
  MarkReadInput,
  NotificationList,
  NotificationSettings,
  UnsubscribeQuery,
} from "../../../contract/notifications";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { markNotificationsRead, saveNotificationSettings, unsubscribe } from "./notification-commands";
import { presentNotifications } from "./notifications.present";
import { findNotificationSettings, listNotifications } from "./notifications.queries";

/** The bell: one's own notifications, and how to get them (bell, email at once, digest) by kind. */
export async function notificationsRoutes(app: App) {
  // One-click unsubscribe posts "List-Unsubscribe=One-Click" as a form (RFC 8058); nothing in it is read.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 1024 },
    (_, body, done) => done(null, body),
  );
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
    async (request) => findNotificationSettings(app.db, requireActor(request).personId),
  );

  app.put(
    "/me/notification-settings",
    {
      config: { policy: "signed-in" },
      schema: { body: NotificationSettings, response: { 200: NotificationSettings } },
    },
    async (request) => {
      const actor = requireActor(request);
      await saveNotificationSettings(app.db, actor, request.body);
      return findNotificationSettings(app.db, actor.personId);
    },
  );

  // RFC 8058 one-click unsubscribe, posted by the mail client to the email's List-Unsubscribe address: the token
  // names the person; nothing else is needed or read (the body is "List-Unsubscribe=One-Click").
  app.post(
    "/notifications/unsubscribe",
    { config: { policy: "public" }, schema: { querystring: UnsubscribeQuery } },
    async (request, reply) => {
      if (!(await unsubscribe(app.db, request.query.token, request.query.kind))) notFound("subscription");
      return reply.code(200).type("text/plain; charset=utf-8").send("Unsubscribed: no more email of this kind.");
    },
  );
}
