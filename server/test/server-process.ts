import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/*
 * A real Collective server (bin/collective.mjs serve) run as a child process, for the fault suites that must
 * see what inject() cannot: the process staying up and answering, its resident memory, what it leaves on disk,
 * and what happens when it is killed. Linux only (memory is read from /proc).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/collective.mjs");

const children = new Set<ChildProcess>();

/** The environment of a server or CLI on its own DATA_DIR, and PostgreSQL at `databaseUrl` when given. */
export function serverEnv(
  dataDir: string,
  databaseUrl: string | undefined,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

function collectOutput(child: ChildProcess): () => string {
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return () => output;
}

/** Runs a CLI command to its end; resolves with its output, rejects (with the output) if it fails. */
export function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output = collectOutput(child);
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(output()) : reject(new Error(`${args[0]} failed: ${output()}`)))),
  );
}

export type ServerProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server has printed so far. */
  output(): string;
  /** SIGTERM, and waits for the server to close its database and exit. */
  stop(): Promise<void>;
  /** SIGKILL: no handler runs, as in a crash or an out-of-memory kill. Resolves once the process is gone. */
  kill(): Promise<void>;
};

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `collective serve` and resolves once it listens (PORT=0: on a free port). */
export function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, "serve"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const output = collectOutput(child);
  const signal = async (name: NodeJS.Signals) => {
    const gone = exited(child);
    child.kill(name);
    await gone;
  };
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = output().match(/running at (http:\/\/\S+)/);
      if (!match?.[1]) return;
      child.stdout?.off("data", onData);
      resolve({
        url: match[1].replace("localhost", "127.0.0.1"),
        pid: child.pid as number,
        child,
        output,
        stop: () => signal("SIGTERM"),
        kill: () => signal("SIGKILL"),
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output()}`)));
  });
}

/** Kills every server this file started that still runs (for afterAll, after a failed test). */
export function killServers(): void {
  for (const child of children) child.kill("SIGKILL");
}

function statusBytes(pid: number, field: "VmHWM" | "VmRSS"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Resident memory of a process now, in bytes. */
export function residentMemory(pid: number): number {
  return statusBytes(pid, "VmRSS");
}

/** Peak resident memory of a process since it started or since the last resetPeakMemory, in bytes. */
export function peakMemory(pid: number): number {
  return statusBytes(pid, "VmHWM");
}

/** Starts measuring the peak afresh ("5" to clear_refs resets VmHWM to the current resident memory). */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

/** Signs in with a password; resolves with the session cookie to send. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

export type HealthSample = { status: number; ms: number };

/**
 * Asks /api/health every `intervalMs` (the first at once) until stopped; stop() resolves with every answer's
 * status (0: no answer within five seconds) and time.
 */
export function pollHealth(url: string, intervalMs = 100): { stop(): Promise<HealthSample[]> } {
  const samples: HealthSample[] = [];
  let isDone = false;
  const loop = (async () => {
    while (!isDone) {
      const started = performance.now();
      const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })
        .then((r) => r.status)
        .catch(() => 0);
      samples.push({ status, ms: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      isDone = true;
      await loop;
      return samples;
    },
  };
}

/**
 * Runs `attempt` against the server while asking /api/health every `intervalMs` and measuring its peak
 * resident memory afresh; resolves with the attempt's result, the health answers, and how far memory rose
 * above where it stood when the attempt began.
 */
export async function watchServer<T>(
  server: ServerProcess,
  attempt: () => Promise<T>,
  intervalMs = 100,
): Promise<{ result: T; health: HealthSample[]; before: number; peak: number; growth: number }> {
  const before = residentMemory(server.pid);
  resetPeakMemory(server.pid);
  const poll = pollHealth(server.url, intervalMs);
  try {
    const result = await attempt();
    const peak = peakMemory(server.pid);
    return { result, health: await poll.stop(), before, peak, growth: peak - before };
  } finally {
    await poll.stop();
  }
}

export type RosterImportEvent = {
  type: string;
  phase?: string;
  done?: number;
  import?: {
    id: string;
    status: string;
    problems: { file: string; line: number | null; column: string | null; message: string; severity: string }[];
  };
  message?: string;
};

/**
 * Uploads files to the roster import route and reads the streamed events as they come (`onEvent` sees each);
 * resolves with them all once the import has ended.
 */
export async function uploadRoster(
  url: string,
  cookie: string,
  files: { name: string; content: Buffer | Uint8Array; type?: string }[],
  onEvent: (event: RosterImportEvent) => void = () => {},
): Promise<RosterImportEvent[]> {
  const form = new FormData();
  for (const file of files) {
    form.append("files", new Blob([Buffer.from(file.content)], { type: file.type ?? "text/csv" }), file.name);
  }
  const response = await fetch(`${url}/api/v1/rosters/imports`, { method: "POST", headers: { cookie }, body: form });
  if (response.status !== 200 || !response.body) {
    throw new Error(`roster upload answered ${response.status}: ${await response.text()}`);
  }
  const events: RosterImportEvent[] = [];
  const decoder = new TextDecoder();
  let pending = "";
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += decoder.decode(chunk.value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as RosterImportEvent;
      events.push(event);
      onEvent(event);
    }
  }
  return events;
}

/** The import record an upload's events end with. */
export function importResult(events: RosterImportEvent[]): NonNullable<RosterImportEvent["import"]> {
  const found = events.find((e) => e.type === "result")?.import;
  if (!found) throw new Error(`no result in ${JSON.stringify(events).slice(0, 500)}`);
  return found;
}
