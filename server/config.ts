import path from "node:path";
import { z } from "zod";

/** What one import may hold; each bounds memory or disk, and is named in plain words when a file passes it. */
export type ImportLimits = {
  /** Entries a zip may list (files and folders). */
  maxEntries: number;
  /** Bytes one file may unpack to. */
  maxFileBytes: number;
  /** Bytes a whole set may unpack to. */
  maxTotalBytes: number;
  /** How many times larger than its compressed size a file (over 1 MB) may unpack to. */
  maxRatio: number;
  /** Data rows a whole set may hold (each row is kept in memory until the set is checked). */
  maxRows: number;
  /** Characters one field may hold. */
  maxFieldChars: number;
};

const MB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 100,
  maxFileBytes: 512 * MB,
  maxTotalBytes: 1024 * MB,
  maxRatio: 100,
  maxRows: 1_000_000,
  maxFieldChars: 10_000,
};

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Collective <no-reply@collective.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Requests an API token may make per minute, per server process. */
  API_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  IMPORT_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_IMPORT_LIMITS.maxEntries),
  IMPORT_MAX_FILE_MB: z.coerce
    .number()
    .positive()
    .max(64 * 1024)
    .default(DEFAULT_IMPORT_LIMITS.maxFileBytes / MB),
  IMPORT_MAX_TOTAL_MB: z.coerce
    .number()
    .positive()
    .max(64 * 1024)
    .default(DEFAULT_IMPORT_LIMITS.maxTotalBytes / MB),
  IMPORT_MAX_RATIO: z.coerce.number().min(2).max(100_000).default(DEFAULT_IMPORT_LIMITS.maxRatio),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000_000).default(DEFAULT_IMPORT_LIMITS.maxRows),
  IMPORT_MAX_FIELD_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_IMPORT_LIMITS.maxFieldChars),
  ACTOR_CACHE: z.enum(["on", "off"]).default("on"),
  FETCH_PRIVATE_ADDRESSES: z.enum(["allow", "deny"]).default("deny"),
  TRUST_PROXY: z.string().optional(),
  /**
   * A saved, migrated embedded database (a data directory dumped as a tar file) that a NEW embedded database
   * starts from instead of initdb and every migration; migrations still run after it. The test suite sets it.
   */
  PGLITE_TEMPLATE: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  sessionHours: number;
  /** Requests an API token may make per minute, per server process. */
  apiTokenPerMinute: number;
  /** The largest file the library accepts, in bytes. */
  maxUploadBytes: number;
  /** Bounds on every import (OneRoster sets, results CSV): IMPORT_MAX_* */
  importLimits: ImportLimits;
  /** Keep signed-in actors in memory between requests (server/auth/actor-cache.ts). */
  actorCache: boolean;
  /** Let URL imports (CASE packages) reach loopback, private and link-local addresses. */
  fetchPrivateAddresses: boolean;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (rate limits, audit entries). */
  trustProxy: boolean;
  pgliteTemplate: string | undefined;
};

/** Parses the environment once; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionHours: e.SESSION_HOURS,
    apiTokenPerMinute: e.API_TOKEN_PER_MINUTE,
    maxUploadBytes: Math.floor(e.MAX_UPLOAD_MB * 1024 * 1024),
    importLimits: {
      maxEntries: e.IMPORT_MAX_ENTRIES,
      maxFileBytes: Math.floor(e.IMPORT_MAX_FILE_MB * MB),
      maxTotalBytes: Math.floor(e.IMPORT_MAX_TOTAL_MB * MB),
      maxRatio: e.IMPORT_MAX_RATIO,
      maxRows: e.IMPORT_MAX_ROWS,
      maxFieldChars: e.IMPORT_MAX_FIELD_CHARS,
    },
    actorCache: e.ACTOR_CACHE === "on",
    fetchPrivateAddresses: e.FETCH_PRIVATE_ADDRESSES === "allow",
    trustProxy: e.TRUST_PROXY === "true",
    pgliteTemplate: e.PGLITE_TEMPLATE || undefined,
  };
}

/**
 * The address links in email and calendar feeds point at: PUBLIC_URL, else this server's own address from
 * HOST and PORT. Never a request's Host header, which whoever sends the request chooses.
 */
export function publicBaseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, "");
  const host = ["", "0.0.0.0", "::"].includes(config.host) ? "localhost" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
}

/** The package version, reported by /api/health. */
export const VERSION = "0.1.0";
