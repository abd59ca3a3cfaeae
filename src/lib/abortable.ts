/**
 * Waits for `promise` until `signal` aborts: the caller stops waiting (rejected with `reason()`,
 * or the signal's reason), while the work behind the promise goes on for whoever else shares it.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal, reason: () => unknown = () => signal.reason): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
