import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { ChangePasswordInput, Me, MePatch, RevokedCount, SessionList } from "../../contract/auth";
import { IdParams, Ok } from "../../contract/common";
import { recordAudit } from "../audit/record-audit";
import { people, sessions } from "../db/schema";
import { HttpProblem, notFound, tooManyRequests } from "../errors";
import { requireActor } from "../http/signed-in";
import type { Actor } from "../policy/actor";
import type { App } from "../types";
import { presentMe } from "./me";
import { hashPassword, verifyPassword } from "./passwords";
import { revokeAllSessions, revokeSession } from "./sessions";
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
      await app.db.transaction(async (tx) => {
        await tx.update(people).set({ preferredLanguage, updatedAt: sql`now()` }).where(eq(people.id, actor.personId));
        await recordAudit(tx, request, {
          action: "person.language_changed",
          subjectType: "person",
          subjectId: actor.personId,
          details: { preferredLanguage },
        });
      });
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
      const [person] = await app.db.select().from(people).where(eq(people.id, actor.personId));
      if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, request.body.currentPassword))) {
        await recordPasswordFailure(app.db, actor.email, request.ip);
        throw new HttpProblem(422, "Wrong password", "The current password is not correct.", [
          { pointer: "/body/currentPassword", detail: "The current password is not correct." },
        ]);
      }
      await clearPasswordFailures(app.db, actor.email, request.ip);
      const passwordHash = await hashPassword(request.body.newPassword);
      await app.db.transaction(async (tx) => {
        await tx.update(people).set({ passwordHash, updatedAt: sql`now()` }).where(eq(people.id, actor.personId));
        // A changed password ends every other session: whoever knew the old one is signed out.
        await revokeAllSessions(tx, actor.personId, actor.sessionId);
        await recordAudit(tx, request, {
          action: "auth.password_changed",
          subjectType: "person",
          subjectId: actor.personId,
        });
      });
      return { ok: true as const };
    },
  );

  app.get(
    "/me/sessions",
    { config: { policy: "signed-in" }, schema: { response: { 200: SessionList } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.db
        .select()
        .from(sessions)
        .where(
          and(eq(sessions.personId, actor.personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)),
        )
        .orderBy(desc(sessions.lastSeenAt))
        .limit(100);
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          current: s.id === actor.sessionId,
        })),
      };
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
