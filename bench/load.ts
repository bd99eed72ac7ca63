import { fork } from "node:child_process";
import type { Percentiles } from "./stats";

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Measured phase: stops at whichever bound comes first. */
  seconds: number;
  maxRequests: number;
  /** Requests at full speed before measuring, so the server's code is compiled and its caches warm. */
  warmupSeconds: number;
  /** Requests per second on a fixed schedule, latency counted from when each was due; unset: flat out. */
  ratePerSecond?: number;
};

export type LoadResult = {
  /** 2xx responses in the measured phase. */
  requests: number;
  /** Non-2xx responses, socket errors and timeouts: any of these makes the figures suspect. */
  failures: number;
  seconds: number;
  perSecond: number;
  latencyMs: Percentiles;
};

/**
 * Drives a URL from a child process (autocannon flat out, or a paced client), so the load generator never
 * shares the server's event loop; it does share the machine's two cores, equally for every server measured.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./load-client.ts", import.meta.url).pathname, { stdio: "inherit" });
    child.once("message", (message) => resolve(message as LoadResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
    });
    child.send(options);
  });
}
