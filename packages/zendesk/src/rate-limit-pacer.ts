import type { ZendeskClock, ZendeskSleep } from './zendesk-settings';

/** How a pacer spaces requests. */
export interface RateLimitPacerOptions {
  /** Where the pacer reads the time. */
  clock: ZendeskClock;
  /** How the pacer waits. */
  sleep: ZendeskSleep;
  /** Length of the platform's rate window in ms. */
  windowMs: number;
  /** Requests allowed per window when known up front (incremental exports: 10); paces on its own. */
  requestsPerWindow?: number;
}

/** What a pacer has observed, for tests and benchmarks. */
export interface RateLimitPacerStats {
  /** Requests paced. */
  requests: number;
  /** 429 answers seen. */
  throttled: number;
  /** Time spent waiting, in ms. */
  waitedMs: number;
}

function numberHeader(headers: Headers, ...names: string[]): number | null {
  for (const name of names) {
    const value = headers.get(name);
    if (value === null || value.trim() === '') continue;
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return null;
}

/**
 * Reads an endpoint-specific limit header such as `zendesk-ratelimit-tickets-index: total=100; remaining=99; resets=41`.
 * @param headers - response headers
 * @returns the remaining budget and seconds to reset, or null when no such header is present
 */
export function endpointLimit(headers: Headers): { total: number; remaining: number; resets: number } | null {
  for (const [name, value] of headers) {
    if (!name.startsWith('zendesk-ratelimit-')) continue;
    const fields = Object.fromEntries(value.split(';').map((part) => part.trim().split('=') as [string, string]));
    const total = Number(fields.total);
    const remaining = Number(fields.remaining);
    const resets = Number(fields.resets);
    if (Number.isFinite(remaining) && Number.isFinite(resets)) return { total, remaining, resets };
  }
  return null;
}

/**
 * Paces requests from the account's own signals (https://developer.zendesk.com/api-reference/introduction/rate-limits/):
 * with an endpoint header (`zendesk-ratelimit-…: remaining=R; resets=S`) or `ratelimit-remaining` R and `ratelimit-reset` S seconds, the next request waits S/(R+1) so the
 * window's budget is spread evenly and used up just before it resets; at R = 0 it waits for the reset;
 * `X-Rate-Limit-Remaining: 0` without a reset waits a window; a 429 blocks for `Retry-After`.
 * A known per-window budget adds a floor of `windowMs / requestsPerWindow` between requests.
 */
export class RateLimitPacer {
  private nextAt = 0;
  private lastSentAt: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly floorMs: number;
  /** Counters since creation. */
  readonly stats: RateLimitPacerStats = { requests: 0, throttled: 0, waitedMs: 0 };

  constructor(private readonly options: RateLimitPacerOptions) {
    this.floorMs = options.requestsPerWindow ? options.windowMs / options.requestsPerWindow : 0;
  }

  /** Waits for this request's turn; requests are served one after another in call order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      const wait = this.nextAt - this.options.clock.now();
      if (wait > 0) {
        this.stats.waitedMs += wait;
        await this.options.sleep(wait, signal);
      }
      const sentAt = this.options.clock.now();
      this.lastSentAt = sentAt;
      this.stats.requests += 1;
      this.nextAt = Math.max(this.nextAt, sentAt + this.floorMs);
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Reads a response's rate-limit headers (any status). */
  observe(status: number, headers: Headers): void {
    const now = this.options.clock.now();
    if (status === 429) {
      this.stats.throttled += 1;
      const retryAfter = numberHeader(headers, 'retry-after');
      this.block(now + (retryAfter === null ? this.options.windowMs : retryAfter * 1000));
      return;
    }
    const endpoint = endpointLimit(headers);
    const remaining = endpoint?.remaining ?? numberHeader(headers, 'ratelimit-remaining');
    const reset = endpoint?.resets ?? numberHeader(headers, 'ratelimit-reset');
    if (remaining !== null && reset !== null) {
      const resetMs = Math.max(0, reset * 1000);
      // Spreading counts from the send (the server answered after it, so the window ends no earlier than
      // send + reset); waiting for a reset counts from now (the later bound), so it never ends early.
      this.block(remaining <= 0 ? now + resetMs : Math.min(now, this.lastSentAt ?? now) + resetMs / (remaining + 1));
      return;
    }
    const accountRemaining = numberHeader(headers, 'x-rate-limit-remaining');
    if (accountRemaining !== null && accountRemaining <= 0) this.block(now + this.options.windowMs);
  }

  /** Holds every request until `until` (epoch ms). */
  block(until: number): void {
    this.nextAt = Math.max(this.nextAt, until);
  }
}
