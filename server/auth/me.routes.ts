import { ChangePasswordInput, Me, MePatch, RevokedCount, SessionList } from "../../contract/auth";
import { IdParams, Ok } from "../../contract/common";
import { recordAudit } from "../audit/record-audit";
import { HttpProblem, notFound, tooManyRequests } from "../errors";
import { actorContextOf, requireActor } from "../http/signed-in";
import type { Actor } from "../policy/actor";
import type { App } from "../types";
import { findPasswordHash } from "./accounts.queries";
import { changePassword } from "./change-password";
import { presentMe, presentSession } from "./me";
import { hashPassword, verifyPassword } from "./passwords";
import { listLiveSessions, revokeAllSessions, revokeSession } from "./sessions";
import { setPreferredLanguage } from "./set-preferred-language";
import { checkPasswordLimits, clearPasswordFailures, recordPasswordFailure } from "./sign-in-limits";

/** The signed-in person's own account: profile, password, and sessions. */
export async function meRoutes(app: App) {
  // The shell asks for /me on every page; an actor from the actor cache is the same object until something about
  // them changes, so its presentation is serialized once (checked against the schema as the serializer would).
  const presented = new WeakMap<Actor, string>();
  app.get("/me", { config: { policy: "signed-in" }, schema: { response: { 200: Me } } }, async (request, reply) => {
    const actor = requireActor(request);
    let body = presented.get(actor);
    if (body === undefined) {
      body = JSON.stringify(Me.parse(presentMe(actor)));
      presented.set(actor, body);
    }
    // A string sent as JSON is taken as already serialized (the type provider only knows the object form).
    return reply.type("application/json; charset=utf-8").send(body as never);
  });

  app.patch(
    "/me",
    { config: { policy: "signed-in" }, schema: { body: MePatch, response: { 200: Me } } },
    async (request) => {
      const actor = requireActor(request);
      const { preferredLanguage } = request.body;
      await setPreferredLanguage(app.db, actorContextOf(request), preferredLanguage);
      // The actor cache is emptied after every state-changing request, so the next request reads the change.
      return presentMe({ ...actor, preferredLanguage });
    },
  );

  app.post(
    "/me/password",
    { config: { policy: "signed-in" }, schema: { body: ChangePasswordInput, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      // Guessing the current password from a signed-in session counts as failing sign-in does.
      const limit = await checkPasswordLimits(app.db, actor.email, request.ip);
      if (limit.limited) tooManyRequests(limit.retryAfterSeconds);
      const passwordHash = await findPasswordHash(app.db, actor.personId);
      if (!passwordHash || !(await verifyPassword(passwordHash, request.body.currentPassword))) {
        await recordPasswordFailure(app.db, actor.email, request.ip);
        throw new HttpProblem(422, "Wrong password", "The current password is not correct.", [
          { pointer: "/body/currentPassword", detail: "The current password is not correct." },
        ]);
      }
      await clearPasswordFailures(app.db, actor.email, request.ip);
      await changePassword(app.db, actorContextOf(request), await hashPassword(request.body.newPassword));
      return { ok: true as const };
    },
  );

  app.get(
    "/me/sessions",
    { config: { policy: "signed-in" }, schema: { response: { 200: SessionList } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listLiveSessions(app.db, actor.personId);
      return { items: rows.map((s) => presentSession(actor, s)) };
    },
  );

  app.delete(
    "/me/sessions/:id",
    { config: { policy: "signed-in" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!(await revokeSession(app.db, actor.personId, request.params.id))) notFound("session");
      await recordAudit(app.db, request, {
        action: "auth.session_revoked",
        subjectType: "session",
        subjectId: request.params.id,
      });
      return reply.code(204).send();
    },
  );

  app.post(
    "/me/sessions/sign-out-everywhere",
    { config: { policy: "signed-in" }, schema: { response: { 200: RevokedCount } } },
    async (request) => {
      const actor = requireActor(request);
      const revoked = await revokeAllSessions(app.db, actor.personId, actor.sessionId);
      await recordAudit(app.db, request, {
        action: "auth.signed_out_everywhere",
        subjectType: "person",
        subjectId: actor.personId,
        details: { revoked },
      });
      return { revoked };
    },
  );
}
