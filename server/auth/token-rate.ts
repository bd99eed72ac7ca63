import { nowMs } from "../clock";

/**
 * Requests per API token per minute, counted in this process (fixed one-minute windows). A script that loops
 * too fast is slowed with 429 and a Retry-After rather than allowed to crowd out the district's teachers.
 */
export class TokenRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request; the seconds to wait when the token is over its limit, else 0. */
  take(tokenId: string): number {
    const now = nowMs();
    let window = this.windows.get(tokenId);
    if (!window || now - window.startedAt >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      window = { startedAt: now, count: 0 };
      this.windows.set(tokenId, window);
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.startedAt + 60_000 - now) / 1000) : 0;
  }
}
