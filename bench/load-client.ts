// The child process behind runLoad(): receives LoadOptions, warms up, measures, sends back a LoadResult.
import http from "node:http";
import autocannon from "autocannon";
import type { LoadOptions, LoadResult } from "./load";
import { percentiles } from "./stats";

type Tally = { latencies: number[]; failures: number; seconds: number };

function summarize({ latencies, failures, seconds }: Tally): LoadResult {
  return {
    requests: latencies.length,
    failures,
    seconds,
    perSecond: latencies.length / seconds,
    latencyMs: percentiles(latencies),
  };
}

/** As fast as the server answers, each connection sending its next request when the last one is answered. */
function driveFlatOut(options: LoadOptions, seconds: number): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let failures = 0;
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        duration: seconds,
        maxOverallRequests: options.maxRequests,
        timeout: 10,
      },
      (error, result) => {
        if (error) reject(error);
        else resolve({ latencies, failures: failures + result.errors + result.timeouts, seconds: result.duration });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, milliseconds) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(milliseconds);
      else failures++;
    });
  });
}

/**
 * Requests sent on a fixed schedule, whatever the server is doing, over at most `connections` sockets.
 * Latency counts from when a request was due, so time queued behind a slow answer is not hidden
 * (autocannon's own rate limit sends each second's requests in one burst, and waits while they hang).
 */
function drivePaced(options: LoadOptions, rate: number): Promise<Tally> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.min(options.maxRequests, Math.round(options.seconds * rate));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let failures = 0;
  let answered = 0;
  let sent = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const settle = (due: number, isOk: boolean) => {
      if (isOk) latencies.push(performance.now() - due);
      else failures++;
      if (++answered < total) return;
      agent.destroy();
      resolve({ latencies, failures, seconds: (performance.now() - start) / 1000 });
    };
    const send = (due: number) => {
      let isSettled = false;
      const settleOnce = (isOk: boolean) => {
        if (isSettled) return;
        isSettled = true;
        settle(due, isOk);
      };
      const request = http.get(options.url, { agent, headers: options.headers }, (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on("end", () => settleOnce(status >= 200 && status < 300));
        response.on("error", () => settleOnce(false));
      });
      request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
      request.on("error", () => settleOnce(false));
    };
    const tick = () => {
      while (sent < total && start + sent * interval <= performance.now()) send(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

process.once("message", async (message) => {
  const options = message as LoadOptions;
  // Warming up only needs the server's code compiled and its pools filled, not every reader's socket.
  const warmup = { ...options, connections: Math.min(options.connections, 10) };
  if (options.warmupSeconds > 0) await driveFlatOut(warmup, options.warmupSeconds);
  const tally = options.ratePerSecond
    ? await drivePaced(options, options.ratePerSecond)
    : await driveFlatOut(options, options.seconds);
  process.send?.(summarize(tally), () => process.exit(0));
});
