import { createHash, randomBytes } from "node:crypto";

/** A fresh unguessable token for a cookie or an emailed link (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so the database never holds a usable secret. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
