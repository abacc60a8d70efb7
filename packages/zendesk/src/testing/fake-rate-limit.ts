/** A fixed-window request budget, like Zendesk's per-minute limits. */
export class FakeRateWindow {
  private window = -1;
  private used = 0;

  constructor(
    /** Requests allowed per window. */
    readonly limit: number,
    /** The window's length, in ms. */
    readonly windowMs: number,
  ) {}

  /** Spends one request at `now`; false when the window's budget is gone. */
  take(now: number): boolean {
    this.roll(now);
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  /** Requests left in the current window. */
  remaining(now: number): number {
    this.roll(now);
    return Math.max(0, this.limit - this.used);
  }

  /** Seconds until the window resets: whole seconds (rounded up) for real one-minute windows, fractions for scaled ones. */
  resetSeconds(now: number): number {
    const ms = (Math.floor(now / this.windowMs) + 1) * this.windowMs - now;
    return this.windowMs >= 60_000 ? Math.ceil(ms / 1000) : Math.ceil(ms) / 1000;
  }

  private roll(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
  }
}
