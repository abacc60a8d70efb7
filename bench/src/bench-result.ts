/** One line of the benchmark table. */
export interface BenchResult {
  /** What was measured. */
  name: string;
  /** Throughput, when the measure is a rate. */
  opsPerSecond?: number;
  /** Any other figure (bytes, ms, a share). */
  value?: number;
  /** Unit of `value`. */
  unit?: string;
  /** Target or comparison, in words. */
  note?: string;
}

/** A benchmark module: `bench/src/*.bench.ts` exports `run`. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
