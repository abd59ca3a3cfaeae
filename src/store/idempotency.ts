import { createHash } from 'node:crypto';
import { pollUntil } from '../lib/poll.ts';
import type { Store } from './store.ts';

/**
 * A failure as an idempotency key remembers it: plain data (a code the caller chose, a message and
 * details), never an error object of any layer; the caller turns it back into its own error on replay.
 */
export interface RecordedFailure {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * What an idempotency key remembers: `pending` while the first request runs, then the
 * outcome: `ok` (the value), `failed` (a definite failure) or `unknown` (the request
 * went out and no answer came back, so it may or may not have taken effect).
 */
export type IdempotencyRecord<T> =
  | { state: 'pending'; hash: string; startedAt: number }
  | { state: 'ok'; hash: string; startedAt: number; value: T }
  | { state: 'failed' | 'unknown'; hash: string; startedAt: number; failure: RecordedFailure };

/** How a failed run is remembered: a definite failure, an unknown outcome, or not at all (nothing was done). */
export type Settlement = { state: 'failed' | 'unknown'; failure: RecordedFailure } | { state: 'release' };

export interface IdempotentCall<T> {
  /** Configured app id, operation name and the caller's key: together they name the record. */
  app: string;
  operation: string;
  key: string;
  /** What is being done; a repeat of the key with other arguments is refused. */
  args: unknown;
  /** How long the first request may hold the key; beyond it an unfinished request counts as unknown. */
  leaseMs: number;
  /** How long a concurrent duplicate waits for the first outcome before giving up. */
  waitMs: number;
  /** How long the outcome is remembered. */
  ttlMs: number;
  signal?: AbortSignal;
  run(): Promise<T>;
  /** Classifies the first run's failure; the original error is rethrown either way. */
  settle(error: unknown): Settlement;
  /** The error a stored failure or unknown outcome is replayed as. */
  replay(record: { state: 'failed' | 'unknown'; failure: RecordedFailure }): Error;
  /** The failure stored when an earlier request's lease ran out before it recorded an outcome. */
  abandoned(): RecordedFailure;
}

export type IdempotencyProblem = 'mismatch' | 'in_progress' | 'store_unavailable';

export class IdempotencyError extends Error {
  override name = 'IdempotencyError';
  constructor(
    readonly problem: IdempotencyProblem,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`idempotency ${problem} for ${operation}`, options);
  }
}

const POLL_MS = 25;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Runs `call.run()` at most once per (app, operation, key) across every instance sharing
 * the store. Repeats get the first outcome (`replayed: true`) without running again; a
 * duplicate arriving while the first still runs waits for its outcome (bounded by `waitMs`).
 * A record is written `pending` under a cross-instance lock before running, so a crash
 * mid-send leaves a record that later repeats report as unknown rather than send again.
 */
export async function runIdempotent<T>(store: Store, call: IdempotentCall<T>): Promise<{ value: T; replayed: boolean }> {
  const records = store.namespace<IdempotencyRecord<T>>('idempotency');
  const id = `${call.app}:${call.operation}:${digest(call.key)}`;
  const hash = digest(JSON.stringify(call.args));
  const guarded = <R>(promise: Promise<R>) =>
    promise.catch((error: unknown) => {
      throw new IdempotencyError('store_unavailable', call.operation, { cause: error });
    });

  const answer = (record: IdempotencyRecord<T>): { value: T; replayed: boolean } => {
    if (record.hash !== hash) throw new IdempotencyError('mismatch', call.operation);
    if (record.state === 'ok') return { value: record.value, replayed: true };
    if (record.state === 'pending') throw new Error('unreachable: pending record answered');
    throw call.replay(record);
  };

  return pollUntil(
    async () => {
      const seen = await guarded(records.get(id));
      if (seen && (seen.state !== 'pending' || seen.hash !== hash)) return answer(seen);

      const release = await guarded(store.tryLock(`idempotency:${id}`, call.leaseMs));
      // Someone else holds the key right now: wait for their outcome.
      if (!release) return undefined;
      try {
        const current = await guarded(records.get(id));
        if (current?.state === 'pending' && current.hash === hash) {
          // We hold the lock, so the request that wrote this is gone (its lease ran out). It may
          // have taken effect: record the outcome as unknown and never run it again.
          const unknown = { state: 'unknown' as const, hash, startedAt: current.startedAt, failure: call.abandoned() };
          await guarded(records.set(id, unknown, call.ttlMs));
          return answer(unknown);
        }
        if (current) return answer(current);
        const startedAt = Date.now();
        await guarded(records.set(id, { state: 'pending', hash, startedAt }, call.ttlMs));
        return { value: await execute(startedAt), replayed: false };
      } finally {
        await release().catch(() => {});
      }
    },
    { intervalMs: POLL_MS, timeoutMs: call.waitMs, signal: call.signal, giveUp: () => new IdempotencyError('in_progress', call.operation) },
  );

  async function execute(startedAt: number): Promise<T> {
    let value: T;
    try {
      value = await call.run();
    } catch (error) {
      const settled = call.settle(error);
      // Storing is best effort from here on: a record left pending reads as unknown later, which is safe.
      if (settled.state === 'release') await records.delete(id).catch(() => {});
      else await records.set(id, { state: settled.state, hash, startedAt, failure: settled.failure }, call.ttlMs).catch(() => {});
      throw error;
    }
    await records.set(id, { state: 'ok', hash, startedAt, value }, call.ttlMs).catch(() => {});
    return value;
  }
}
