import type { FastifyReply, FastifyRequest } from "fastify";
import { nowMs } from "../clock";
import type { Config } from "../config";
import { SESSION_COOKIE } from "./sessions";

/**
 * Sets the session cookie: HTTP-only, SameSite=Lax, Secure whenever the site is served over HTTPS. Its lifetime
 * is sent as Max-Age, so a browser whose clock differs from the server's keeps it just as long.
 */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.publicUrl?.startsWith("https:") ?? false,
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - nowMs()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** The address links in emails point at: PUBLIC_URL when set, else the address this request came to. */
export function publicBaseUrl(request: FastifyRequest, config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, "");
  return `${request.protocol}://${request.host}`;
}
