import { z } from "zod";

/**
 * What an API token may do. A token acts as the person who made it, never beyond what that person may do, and
 * only within its scopes: reading rosters, writing assessment results, reading analyses and goals.
 */
export const TOKEN_SCOPES = ["rosters:read", "results:write", "analysis:read"] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  "rosters:read": "Read rosters: schools, people, teams, classes and students",
  "results:write": "Read assessments and enter their results",
  "analysis:read": "Read analyses, rollups, goals and reports",
};

/** The longest a token may live: a year. */
export const MAX_TOKEN_DAYS = 365;

export const CreateApiTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  scopes: z
    .array(TokenScope)
    .min(1, "Choose at least one scope.")
    .refine((scopes) => new Set(scopes).size === scopes.length, "Name each scope once."),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(TokenScope),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenList = z.object({ items: z.array(ApiToken) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** A token as it is made: the only time its secret is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
