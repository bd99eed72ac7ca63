import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the journeys' SMTP server writes each email it receives, one file per message. */
    mailDir: string;
    /** The run's Chromium, which every journey file connects to (e2e/support/browser.ts). */
    browserWsEndpoint: string;
  }
}

const BIN = fileURLToPath(new URL("../../bin/collective.mjs", import.meta.url));

/** A local SMTP server that writes every message it receives into mailDir: the journeys' mailboxes. */
async function startMailbox(mailDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        count += 1;
        writeFileSync(path.join(mailDir, `${String(count).padStart(5, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** Starts `collective start` on a fresh embedded database, exactly as a newcomer would, for all journeys. */
export default async function setup(project: TestProject) {
  const browser = await launchBrowserServer();
  project.provide("browserWsEndpoint", browser.wsEndpoint());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "collective-e2e-"));
  const mailDir = mkdtempSync(path.join(os.tmpdir(), "collective-e2e-mail-"));
  const mailbox = await startMailbox(mailDir);
  const server: ChildProcess = spawn(process.execPath, [BIN, "start"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      SMTP_URL: mailbox.url,
    },
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
  project.provide("mailDir", mailDir);
  return async () => {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
  };
}
