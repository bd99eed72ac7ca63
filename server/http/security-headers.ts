import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";

/** Strict Content-Security-Policy: the web app ships only same-origin scripts and styles. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/** Headers every response has anyway, which are not helmet's to set. */
const NOT_SECURITY_HEADERS = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);

/**
 * Helmet's headers, worked out once: they depend on nothing in the request, and helmet re-parses the policy on
 * every response (a measurable share of a simple read). A route may still override one (files.routes.ts does).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
}

async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get("/", async () => "");
  const response = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!NOT_SECURITY_HEADERS.has(name) && typeof value === "string") headers[name] = value;
  }
  if (!headers["content-security-policy"]) throw new Error("helmet set no Content-Security-Policy");
  return headers;
}
