import type { Store } from '../store/index.ts';
import { ServiceError } from './errors.ts';

const unavailable = (what: string) =>
  new ServiceError('STORE_UNAVAILABLE', `${what} is unavailable right now (shared storage is down); retry shortly.`, { retryable: true });

/**
 * Refuses before anything single-use is spent: a wx.login code works once (code2Session
 * answers 40163 "code been used" the second time), so a login that exchanged it and then
 * could not save the session would leave the user with a burnt code.
 */
export async function requireStore(store: Store, what: string): Promise<void> {
  const health = await store.health().catch(() => ({ ok: false }));
  if (!health.ok) throw unavailable(what);
}

/** Runs a store operation, reporting its failure as STORE_UNAVAILABLE rather than an internal error. */
export async function storeCall<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw unavailable(what);
  }
}
