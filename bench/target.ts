import os from "node:os";
import path from "node:path";
import { buildApp } from "../server/app";
import { createSession, SESSION_COOKIE } from "../server/auth/sessions";
import { loadConfig } from "../server/config";
import type { Database } from "../server/db/client";
import { buildDistrict, buildPerson } from "../server/test/factories";

export type Target = {
  /** GET /api/v1/me on the real app, listening on loopback. */
  meUrl: string;
  headers: Record<string, string>;
  districtId: string;
  token: string;
  close(): Promise<void>;
};

/** The real app on `database`, listening on 127.0.0.1, with one signed-in teacher to read as. */
export async function startTarget(database: Database): Promise<Target> {
  const district = await buildDistrict(database.db, "Bench District");
  const teacher = await buildPerson(database.db, district, "teacher");
  // A session straight from the database: the sign-in route is rate limited (10 per 10 minutes).
  const { token } = await createSession(database.db, teacher, { ip: "127.0.0.1", userAgent: "bench", hours: 2 });
  // buildApp never reads DATA_DIR: the database is already open.
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: path.join(os.tmpdir(), "collective-bench-unused") });
  const app = await buildApp({ database, config, logger: false });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const meUrl = `${address}/api/v1/me`;
  const headers = { cookie: `${SESSION_COOKIE}=${token}` };
  const check = await fetch(meUrl, { headers });
  if (check.status !== 200) throw new Error(`GET /api/v1/me answered ${check.status}: ${await check.text()}`);
  return { meUrl, headers, districtId: district.id, token, close: () => app.close() };
}
