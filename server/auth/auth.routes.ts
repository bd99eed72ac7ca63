import { and, eq, ne, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  AcceptInviteInput,
  InviteInfo,
  Me,
  ResetCompleteInput,
  ResetRequestInput,
  SignInInput,
  TokenParams,
} from "../../contract/auth";
import { Ok } from "../../contract/common";
import { recordAudit } from "../audit/record-audit";
import { publicBaseUrl } from "../config";
import { districts, people } from "../db/schema";
import { HttpProblem, notFound, tooManyRequests } from "../errors";
import { requireActor } from "../http/signed-in";
import { sendMail } from "../mail/send-mail";
import type { App } from "../types";
import { findLiveAccountToken, issueAccountToken, useAccountToken } from "./account-tokens";
import { presentMe } from "./me";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { isRateLimited, recordFailedAttempt } from "./rate-limit";
import { clearSessionCookie, sessionToken, setSessionCookie } from "./session-cookie";
import { createSession, findActorBySessionToken, revokeAllSessions, revokeSessionByToken } from "./sessions";
import { checkPasswordLimits, clearPasswordFailures, recordPasswordFailure } from "./sign-in-limits";

/** Password-reset requests per address and per email in a window (each one sends an email). */
const RESET_LIMIT = 10;
const RESET_WINDOW_SECONDS = 600;

function signInFailed(): never {
  throw new HttpProblem(401, "Sign-in failed", "The email or password is incorrect.");
}

/** Sign-in and sign-out, invitations and password resets: the routes used before one is signed in. */
export async function authRoutes(app: App) {
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    person: { id: string; districtId: string },
  ) {
    // Rotation: whatever session this browser had is ended, and a fresh token is issued.
    const previous = sessionToken(request);
    if (previous) await revokeSessionByToken(app.db, previous);
    const session = await createSession(app.db, person, {
      ip: request.ip,
      userAgent: request.headers["user-agent"],
      hours: app.config.sessionHours,
    });
    setSessionCookie(reply, app.config, session.token, session.expiresAt);
    // The session was created a line above; were it gone already, the sign-in would not have happened.
    request.actor = await findActorBySessionToken(app.db, app.pool, session.token);
    return requireActor(request);
  }

  app.post(
    "/auth/sign-in",
    { config: { policy: "public" }, schema: { body: SignInInput, response: { 200: Me } } },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const limit = await checkPasswordLimits(app.db, email, request.ip);
      if (limit.limited) {
        await recordAudit(app.db, request, {
          action: "auth.sign_in_limited",
          subjectType: "account",
          subjectId: email,
        });
        tooManyRequests(limit.retryAfterSeconds);
      }
      const [person] = await app.db
        .select()
        .from(people)
        .where(eq(sql`lower(${people.email})`, email));
      const isValid = await verifyPassword(person?.passwordHash ?? (await dummyPasswordHash()), request.body.password);
      if (!person?.passwordHash || !isValid || person.status !== "active") {
        await recordPasswordFailure(app.db, email, request.ip);
        await recordAudit(app.db, request, {
          action: "auth.sign_in_failed",
          subjectType: "person",
          subjectId: person?.id ?? null,
          districtId: person?.districtId ?? null,
        });
        signInFailed();
      }
      await clearPasswordFailures(app.db, email, request.ip);
      const actor = await startSession(request, reply, person);
      await recordAudit(app.db, request, { action: "auth.sign_in", subjectType: "person", subjectId: person.id });
      return presentMe(actor);
    },
  );

  app.post("/auth/sign-out", { config: { policy: "signed-in" } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await revokeSessionByToken(app.db, token);
    await recordAudit(app.db, request, {
      action: "auth.sign_out",
      subjectType: "person",
      subjectId: request.actor?.personId,
    });
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post(
    "/auth/password-reset",
    { config: { policy: "public" }, schema: { body: ResetRequestInput, response: { 202: Ok } } },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      // Every reset request counts: each one sends an email, so the limit also stops mail flooding.
      const resetKeys = [`reset:ip:${request.ip}`, `reset:email:${email}`];
      const limit = await isRateLimited(app.db, resetKeys, RESET_LIMIT, RESET_WINDOW_SECONDS);
      if (limit.limited) tooManyRequests(limit.retryAfterSeconds);
      await recordFailedAttempt(app.db, resetKeys, RESET_WINDOW_SECONDS);
      const [person] = await app.db
        .select()
        .from(people)
        .where(eq(sql`lower(${people.email})`, email));
      // The answer is the same whether or not the address has an account, so it cannot be used to probe.
      if (person && person.status === "active") {
        const { token } = await issueAccountToken(app.db, "password_reset", person, null);
        const link = `${publicBaseUrl(app.config)}/reset-password/${token}`;
        await sendMail(
          app.db,
          {
            districtId: person.districtId,
            to: person.email,
            subject: "Reset your Collective password",
            text: `Hello ${person.displayName},\n\nSomeone asked to reset the password of your Collective account. If it was you, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.`,
            secrets: [link],
          },
          { smtpConfigured: Boolean(app.config.smtpUrl) },
        );
        await recordAudit(app.db, request, {
          action: "auth.password_reset_requested",
          subjectType: "person",
          subjectId: person.id,
          districtId: person.districtId,
        });
      }
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    "/auth/password-reset/complete",
    { config: { policy: "public" }, schema: { body: ResetCompleteInput, response: { 200: Ok } } },
    async (request) => {
      const row = await findLiveAccountToken(app.db, "password_reset", request.body.token);
      if (!row) throw new HttpProblem(410, "Link expired", "This reset link has expired or was already used.");
      const passwordHash = await hashPassword(request.body.password);
      await app.db.transaction(async (tx) => {
        if (!(await useAccountToken(tx, row.id))) {
          throw new HttpProblem(410, "Link expired", "This reset link has expired or was already used.");
        }
        await tx.update(people).set({ passwordHash, updatedAt: sql`now()` }).where(eq(people.id, row.personId));
        await revokeAllSessions(tx, row.personId);
        await recordAudit(tx, request, {
          action: "auth.password_reset",
          subjectType: "person",
          subjectId: row.personId,
          districtId: row.districtId,
        });
      });
      return { ok: true as const };
    },
  );

  app.get(
    "/invites/:token",
    { config: { policy: "public" }, schema: { params: TokenParams, response: { 200: InviteInfo } } },
    async (request) => {
      const row = await findLiveAccountToken(app.db, "invite", request.params.token);
      if (!row) notFound("invitation (it may have expired or been used)");
      const [person] = await app.db
        .select({ email: people.email, displayName: people.displayName, districtName: districts.name })
        .from(people)
        .innerJoin(districts, eq(districts.id, people.districtId))
        .where(eq(people.id, row.personId));
      if (!person) notFound("invitation");
      return person;
    },
  );

  app.post(
    "/invites/:token/accept",
    {
      config: { policy: "public" },
      schema: { params: TokenParams, body: AcceptInviteInput, response: { 200: Me } },
    },
    async (request, reply) => {
      const row = await findLiveAccountToken(app.db, "invite", request.params.token);
      if (!row) notFound("invitation (it may have expired or been used)");
      const passwordHash = await hashPassword(request.body.password);
      const person = await app.db.transaction(async (tx) => {
        if (!(await useAccountToken(tx, row.id))) notFound("invitation (it may have expired or been used)");
        const [updated] = await tx
          .update(people)
          .set({ passwordHash, status: "active", updatedAt: sql`now()` })
          .where(and(eq(people.id, row.personId), ne(people.status, "deactivated")))
          .returning();
        if (!updated) notFound("invitation");
        await recordAudit(tx, request, {
          action: "person.invite_accepted",
          subjectType: "person",
          subjectId: updated.id,
          districtId: updated.districtId,
        });
        return updated;
      });
      const actor = await startSession(request, reply, person);
      return presentMe(actor);
    },
  );
}
