import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const BIN = fileURLToPath(new URL("../../bin/collective.mjs", import.meta.url));

/** Starts `collective start` on a fresh embedded database, exactly as a newcomer would, for all journeys. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "collective-e2e-"));
  const server: ChildProcess = spawn(process.execPath, [BIN, "start"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 110_000);
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match?.[1] && output.includes("Demo logins")) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  project.provide("baseUrl", url.replace("localhost", "127.0.0.1"));
  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
