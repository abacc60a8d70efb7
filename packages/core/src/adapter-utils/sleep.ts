/**
 * Waits for a number of milliseconds; rejects early when the signal aborts.
 * @param ms - how long to wait
 * @param signal - aborts the wait
 * @returns a promise that resolves after the wait
 * @throws the signal's reason (a rejection) when the signal aborts before the wait ends
 * @example
 * ```ts
 * await sleep(retryAfterMs, request.signal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
