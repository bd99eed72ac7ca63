// `npm run bench -- startup`: how long a newcomer waits. A fresh clone of this repository's HEAD, `npm install`
// (timed apart: npm's cache decides it), then `npm start` to /api/health answering ok (cold: builds the web
// app, migrates, seeds the demo), then a restart on the same data (everything already done).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const GOALS = { cold: 10, restart: 2 };
const ROOT = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function untilHealthy(url: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok && ((await response.json()) as { status?: string }).status === "ok") return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer ok within ${limitMs / 1000} s`);
}

/** Seconds from `npm start` to /api/health ok; the server is left running and returned. */
async function timeStart(folder: string, dataDir: string, port: number) {
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: folder,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true,
  });
  await untilHealthy(`http://127.0.0.1:${port}/api/health`, child, 300_000);
  return { seconds: (performance.now() - started) / 1000, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

/** Clones HEAD, installs, and times a cold start and a restart. */
export async function measureStartup(log: (line: string) => void = console.log) {
  const work = mkdtempSync(path.join(os.tmpdir(), "collective-startup-"));
  const folder = path.join(work, "clone");
  try {
    execFileSync("git", ["clone", "--quiet", ROOT, folder]);
    log("startup: npm install in a fresh clone…");
    const installStarted = performance.now();
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: folder, stdio: "ignore" });
    const install = (performance.now() - installStarted) / 1000;
    const port = await freePort();
    const dataDir = path.join(work, "data");
    log("startup: cold npm start to /api/health…");
    const cold = await timeStart(folder, dataDir, port);
    await stop(cold.child);
    log("startup: restart on the same data…");
    const restart = await timeStart(folder, dataDir, port);
    await stop(restart.child);
    return { install, cold: cold.seconds, restart: restart.seconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`load average ${os.loadavg()[0]?.toFixed(2)} before the run`);
  const figures = await measureStartup();
  console.log(`npm install (fresh clone, npm cache warm): ${figures.install.toFixed(1)} s`);
  console.log(
    `cold npm start to /api/health ok:          ${figures.cold.toFixed(1)} s (goal ≤ ${GOALS.cold} s: ${figures.cold <= GOALS.cold ? "met" : "missed"})`,
  );
  console.log(
    `restart to /api/health ok:                 ${figures.restart.toFixed(1)} s (goal ≤ ${GOALS.restart} s: ${figures.restart <= GOALS.restart ? "met" : "missed"})`,
  );
}
