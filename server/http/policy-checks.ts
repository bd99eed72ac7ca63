import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { recordingChecks } from "../policy/checked-actions";
import type { Action } from "../policy/rules";

/** The response header that lists, in the test app only, the actions authorize() checked for the request. */
export const POLICY_CHECKED_HEADER = "x-policy-checked";

/**
 * Records the actions each handler checks and sends them back in a header, so the policy matrix can prove that
 * every route enforces the action it declares. Register before the routes; only the test app does.
 */
export function exposePolicyChecks(app: FastifyInstance): void {
  const checks = new WeakMap<FastifyRequest, Action[]>();
  app.addHook("onRoute", (route) => {
    const handle = route.handler as (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown;
    const recorded = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const into: Action[] = [];
      checks.set(request, into);
      return recordingChecks(into, () => handle.call(this, request, reply));
    };
    route.handler = recorded as RouteHandlerMethod;
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const into = checks.get(request);
    if (into) reply.header(POLICY_CHECKED_HEADER, [...new Set(into)].join(","));
    return payload;
  });
}
