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
import { HttpProblem, notFound, tooManyRequests } from "../errors";
import { auditContextOf, requireActor } from "../http/signed-in";
import type { App } from "../types";
import { acceptInvite } from "./accept-invite";
import { findLiveAccountToken } from "./account-tokens";
import { findInvitee, findPersonByEmail } from "./accounts.queries";
import { completePasswordReset } from "./complete-password-reset";
import { presentMe } from "./me";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { isRateLimited, recordFailedAttempt } from "./rate-limit";
import { requestPasswordReset } from "./request-password-reset";
import { clearSessionCookie, sessionToken, setSessionCookie } from "./session-cookie";
import { createSession, findActorBySessionToken, revokeSessionByToken } from "./sessions";
import { checkPasswordLimits, clearPasswordFailures, recordPasswordFailure } from "./sign-in-limits";

/** Password-reset requests per address and per email in a window (each one sends an email). */
const RESET_LIMIT = 10;
const RESET_WINDOW_SECONDS = 600;

function linkExpired(): never {
  throw new HttpProblem(410, "Link expired", "This reset link has expired or was already used.");
}

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
      const person = await findPersonByEmail(app.db, email);
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
      const person = await findPersonByEmail(app.db, email);
      // The answer is the same whether or not the address has an account, so it cannot be used to probe.
      if (person && person.status === "active") {
        await requestPasswordReset(app.db, auditContextOf(request), person, {
          baseUrl: publicBaseUrl(app.config),
          smtpConfigured: Boolean(app.config.smtpUrl),
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
      if (!row) linkExpired();
      const passwordHash = await hashPassword(request.body.password);
      if (!(await completePasswordReset(app.db, auditContextOf(request), row, passwordHash))) linkExpired();
      return { ok: true as const };
    },
  );

  app.get(
    "/invites/:token",
    { config: { policy: "public" }, schema: { params: TokenParams, response: { 200: InviteInfo } } },
    async (request) => {
      const row = await findLiveAccountToken(app.db, "invite", request.params.token);
      if (!row) notFound("invitation (it may have expired or been used)");
      const person = await findInvitee(app.db, row.personId);
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
      const person = await acceptInvite(app.db, auditContextOf(request), row, passwordHash);
      const actor = await startSession(request, reply, person);
      return presentMe(actor);
    },
  );
}
