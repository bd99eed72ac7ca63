import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { auditRoutes } from "./audit/audit.routes";
import { ActorCache } from "./auth/actor-cache";
import { findActorByApiToken } from "./auth/api-tokens";
import { apiTokensRoutes } from "./auth/api-tokens.routes";
import { authRoutes } from "./auth/auth.routes";
import { keepActorCacheCurrent } from "./auth/keep-actor-cache-current";
import { meRoutes } from "./auth/me.routes";
import { findActorBySessionToken, SESSION_COOKIE } from "./auth/sessions";
import { TokenRateLimiter } from "./auth/token-rate";
import { type Config, VERSION } from "./config";
import type { Database } from "./db/client";
import { forbidden, registerErrorHandling, tooManyRequests, unauthorized } from "./errors";
import { analysisRoutes } from "./features/analysis/analysis.routes";
import { assessmentsRoutes } from "./features/assessments/assessments.routes";
import { communitiesRoutes } from "./features/communities/communities.routes";
import { normsRoutes } from "./features/communities/norms.routes";
import { studentSharingRoutes } from "./features/communities/student-sharing.routes";
import { cycleWorkRoutes } from "./features/cycles/cycle-work.routes";
import { cycleWorkTiesRoutes } from "./features/cycles/cycle-work-ties.routes";
import { cyclesRoutes } from "./features/cycles/cycles.routes";
import { discussionsRoutes } from "./features/discussions/discussions.routes";
import { essentialsRoutes } from "./features/essentials/essentials.routes";
import { familyVoiceRoutes } from "./features/family-voice/family-voice.routes";
import { goalsRoutes } from "./features/goals/goals.routes";
import { homeRoutes } from "./features/home/home.routes";
import { interventionReportsRoutes } from "./features/intervention-reports/intervention-reports.routes";
import { groupsRoutes } from "./features/interventions/groups.routes";
import { plansRoutes } from "./features/interventions/plans.routes";
import { learningEvaluationRoutes } from "./features/learning-evaluation/learning-evaluation.routes";
import { libraryRoutes } from "./features/library/library.routes";
import { actionItemsRoutes } from "./features/meetings/action-items.routes";
import { calendarRoutes } from "./features/meetings/calendar.routes";
import { meetingsRoutes } from "./features/meetings/meetings.routes";
import { protocolsRoutes } from "./features/meetings/protocols.routes";
import { summaryRoutes } from "./features/meetings/summary.routes";
import { notificationsRoutes } from "./features/notifications/notifications.routes";
import { peopleRoutes } from "./features/people/people.routes";
import { rostersRoutes } from "./features/rosters/rosters.routes";
import { schoolsRoutes } from "./features/schools/schools.routes";
import { standardsRoutes } from "./features/standards/standards.routes";
import { studentReviewRoutes } from "./features/student-review/student-review.routes";
import { studentsRoutes } from "./features/students/students.routes";
import { surveyFeedbackRoutes } from "./features/surveys/feedback.routes";
import { surveyResultsRoutes } from "./features/surveys/survey-results.routes";
import { surveysRoutes } from "./features/surveys/surveys.routes";
import { visitsRoutes } from "./features/visits/visits.routes";
import { healthRoutes } from "./health.routes";
import { registerOriginCheck } from "./http/csrf";
import { exposePolicyChecks } from "./http/policy-checks";
import { registerSecurityHeaders } from "./http/security-headers";
import { validatorCompiler } from "./http/validation";
import { registerWebApp } from "./http/web-app";
import { outboxRoutes } from "./mail/outbox.routes";
import { tokenMayUse } from "./policy/token-scopes";
import type { App, RoutePolicy } from "./types";

export type RegisteredRoute = {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
  /** The route's body and query schemas, so tests can aim at every route that takes text. */
  schema: { body?: unknown; querystring?: unknown };
};

export type AppDeps = {
  database: Database;
  config: Config;
  logger?: FastifyServerOptions["logger"];
  /** Tests only: answer each request with the actions it checked (see http/policy-checks.ts). */
  exposePolicyChecks?: boolean;
};

/** Builds the whole HTTP application; tests call it and use inject(). */
export async function buildApp(deps: AppDeps): Promise<App & { routeTable: RegisteredRoute[] }> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", deps.database.db);
  app.decorate("pool", deps.database.pool);
  app.decorate("dbKind", deps.database.kind);
  app.decorate("config", deps.config);
  app.decorateRequest("actor", null);

  const routeTable: RegisteredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      const schema = { body: route.schema?.body, querystring: route.schema?.querystring };
      routeTable.push({ method, url: route.url, policy: route.config?.policy, schema });
    }
  });

  if (deps.exposePolicyChecks) exposePolicyChecks(app);
  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  registerOriginCheck(app, deps.config.publicUrl);

  const actorCache = deps.config.actorCache ? new ActorCache() : undefined;
  if (actorCache) await keepActorCacheCurrent(app, deps.database, actorCache);

  const receivedAt = new WeakMap<object, number>();
  app.addHook("onRequest", async (request) => {
    receivedAt.set(request, performance.now());
  });
  const tokenRate = new TokenRateLimiter(deps.config.apiTokenPerMinute);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // An API token (Authorization: Bearer) stands instead of the session cookie; a wrong one is refused
    // outright rather than ignored, so a script learns at once that its token no longer works.
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (bearer !== undefined) {
      request.actor = await findActorByApiToken(app.db, bearer);
      if (!request.actor?.apiToken) unauthorized("This API token is unknown, expired or revoked.");
      const wait = tokenRate.take(request.actor.apiToken.id);
      if (wait > 0) tooManyRequests(wait);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await findActorBySessionToken(app.db, app.pool, token, actorCache);
  });
  // Server time of every response (Server-Timing), so clients and benchmarks can tell it from the network's.
  app.addHook("onSend", async (request, reply, payload) => {
    const started = receivedAt.get(request);
    if (started !== undefined) reply.header("server-timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
    return payload;
  });
  // Deny by default: a route that names no policy is refused, and every non-public route needs a sign-in.
  app.addHook("preHandler", async (request) => {
    if (request.is404) return;
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) throw new Error(`route ${request.routeOptions.url} declares no policy`);
    if (policy !== "public" && !request.actor) unauthorized();
    const token = request.actor?.apiToken;
    if (token && !tokenMayUse(token.scopes, policy)) forbidden("This API token's scopes do not reach this route.");
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Collective API", version: VERSION, license: { name: "AGPL-3.0-or-later" } },
      // A browser signs in for a session cookie; a script sends a personal API token (made under /me/api-tokens)
      // as a bearer token, which reaches only the routes its scopes open.
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          apiToken: {
            type: "http",
            scheme: "bearer",
            description: "A personal API token (clv_…). Scopes: rosters:read, results:write, analysis:read.",
          },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: "/api/v1" });
  await app.register(meRoutes, { prefix: "/api/v1" });
  await app.register(apiTokensRoutes, { prefix: "/api/v1" });
  await app.register(homeRoutes, { prefix: "/api/v1" });
  await app.register(peopleRoutes, { prefix: "/api/v1" });
  await app.register(schoolsRoutes, { prefix: "/api/v1" });
  await app.register(auditRoutes, { prefix: "/api/v1" });
  await app.register(outboxRoutes, { prefix: "/api/v1" });
  await app.register(communitiesRoutes, { prefix: "/api/v1" });
  await app.register(normsRoutes, { prefix: "/api/v1" });
  await app.register(studentSharingRoutes, { prefix: "/api/v1" });
  await app.register(meetingsRoutes, { prefix: "/api/v1" });
  await app.register(actionItemsRoutes, { prefix: "/api/v1" });
  await app.register(protocolsRoutes, { prefix: "/api/v1" });
  await app.register(summaryRoutes, { prefix: "/api/v1" });
  await app.register(calendarRoutes, { prefix: "/api/v1" });
  await app.register(libraryRoutes, { prefix: "/api/v1" });
  await app.register(discussionsRoutes, { prefix: "/api/v1" });
  await app.register(notificationsRoutes, { prefix: "/api/v1" });
  await app.register(visitsRoutes, { prefix: "/api/v1" });
  await app.register(cyclesRoutes, { prefix: "/api/v1" });
  await app.register(essentialsRoutes, { prefix: "/api/v1" });
  await app.register(goalsRoutes, { prefix: "/api/v1" });
  await app.register(surveysRoutes, { prefix: "/api/v1" });
  await app.register(surveyResultsRoutes, { prefix: "/api/v1" });
  await app.register(surveyFeedbackRoutes, { prefix: "/api/v1" });
  await app.register(assessmentsRoutes, { prefix: "/api/v1" });
  await app.register(standardsRoutes, { prefix: "/api/v1" });
  await app.register(analysisRoutes, { prefix: "/api/v1" });
  await app.register(studentsRoutes, { prefix: "/api/v1" });
  await app.register(groupsRoutes, { prefix: "/api/v1" });
  await app.register(plansRoutes, { prefix: "/api/v1" });
  await app.register(studentReviewRoutes, { prefix: "/api/v1" });
  await app.register(familyVoiceRoutes, { prefix: "/api/v1" });
  await app.register(learningEvaluationRoutes, { prefix: "/api/v1" });
  await app.register(interventionReportsRoutes, { prefix: "/api/v1" });
  await app.register(rostersRoutes, { prefix: "/api/v1" });
  await app.register(cycleWorkRoutes, { prefix: "/api/v1" });
  await app.register(cycleWorkTiesRoutes, { prefix: "/api/v1" });
  await registerWebApp(app);

  await app.ready();
  return Object.assign(app, { routeTable });
}
