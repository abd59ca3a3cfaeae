import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WeChatApiError, WeChatTransportError } from '../wechat/errors.ts';
import type { ImageResponse } from '../wechat/http.ts';
import { mediaStore, type StoredMedia } from './media.ts';
import type { Store } from './store.ts';

/** getwxacode + createwxaqrcode together, per app, for the life of the app (45029 after). */
export const LIMITED_CODES_PER_APP = 100_000;

export interface QRCodeSpec {
  /** The configured app id (GraphQL `app`). */
  app: string;
  /** WeChat's AppID: quotas belong to it. */
  appid: string;
  /** `UNLIMITED`, `LIMITED` or `LEGACY`. */
  kind: string;
  /** The WeChat endpoint, for errors. */
  endpoint: string;
  /** Counts against the 100 000 (kept for ever) rather than cached for a while. */
  limited: boolean;
  /** The request after defaults, built in a fixed key order: equal requests serialize equally. */
  params: object;
}

export interface ObtainedCode {
  media: StoredMedia;
  /** True when no upstream call was made for this request (stored image, or joined another request's call). */
  reused: boolean;
}

export interface QRCodeCacheOptions {
  /** How long an unlimited code is reused and served. */
  unlimitedTtlMs: number;
  /** Lease of the cross-instance lock and time limit of the one upstream call it guards. */
  leaseMs: number;
}

interface IndexEntry {
  mediaId: string;
}

/**
 * One upstream call per distinct QR code request.
 *
 * The request's fingerprint (sha256 of appid, kind and the request after defaults) indexes the
 * stored image's media id. Limited codes are kept for ever, so asking again never spends the
 * 100 000 again; unlimited ones for `unlimitedTtlMs`. Identical concurrent requests share one
 * call in this process, and one across instances through a store lock (a waiter polls the
 * index until the holder has stored the image or its lease has run out).
 */
export function createQRCodeCache(store: Store, options: QRCodeCacheOptions) {
  const index = store.namespace<IndexEntry>('qrcode');
  const quota = store.namespace<number>('qrcode-quota');
  const media = mediaStore(store);
  const inflight = new Map<string, Promise<ObtainedCode>>();

  const fingerprint = (spec: QRCodeSpec) =>
    createHash('sha256').update(JSON.stringify([spec.appid, spec.kind, spec.params])).digest('base64url');

  async function lookup(key: string): Promise<StoredMedia | undefined> {
    const entry = await index.get(key);
    return entry ? media.get(entry.mediaId) : undefined;
  }

  /** Read-modify-write under a per-app lock, so instances creating different codes never lose a count. */
  async function updateUsed(appid: string, update: (used: number) => number): Promise<void> {
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const release = await store.tryLock(`qrcode-quota:${appid}`, 2_000);
      if (release) {
        try {
          await quota.set(appid, update((await quota.get(appid)) ?? 0));
        } finally {
          await release();
        }
        return;
      }
      await sleep(wait);
    }
  }

  async function create(key: string, spec: QRCodeSpec, produce: (signal: AbortSignal) => Promise<ImageResponse>): Promise<ObtainedCode> {
    for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
      const stored = await lookup(key);
      if (stored) return { media: stored, reused: true };
      const release = await store.tryLock(`qrcode:${key}`, options.leaseMs);
      if (release) {
        try {
          const again = await lookup(key);
          if (again) return { media: again, reused: true };
          // Not the caller's signal: callers waiting on this call must not fail because the
          // first of them went away; the result is kept for them and for later requests.
          let image: ImageResponse;
          try {
            image = await produce(AbortSignal.timeout(options.leaseMs));
          } catch (error) {
            if (spec.limited && error instanceof WeChatApiError && error.group === 'quota_exhausted')
              await updateUsed(spec.appid, (used) => Math.max(used, LIMITED_CODES_PER_APP));
            throw error;
          }
          // Keep the image before counting it: a code WeChat already drew must never be drawn again.
          const ttl = spec.limited ? undefined : options.unlimitedTtlMs;
          const saved = await media.put({ contentType: image.contentType, bytes: image.bytes, kind: `qrcode:${spec.kind}`, app: spec.app }, ttl);
          await index.set(key, { mediaId: saved.id }, ttl);
          if (spec.limited) await updateUsed(spec.appid, (used) => used + 1).catch(() => {});
          return { media: saved, reused: false };
        } finally {
          await release();
        }
      }
      await sleep(wait);
    }
  }

  return {
    /**
     * The stored image for this request, or a new one from `produce` (called at most once per
     * fingerprint at a time). `signal` only stops this caller's wait.
     */
    async obtain(spec: QRCodeSpec, produce: (signal: AbortSignal) => Promise<ImageResponse>, signal: AbortSignal): Promise<ObtainedCode> {
      const key = fingerprint(spec);
      let shared = inflight.get(key);
      const joined = shared !== undefined;
      if (!shared) {
        shared = create(key, spec, produce).finally(() => inflight.delete(key));
        inflight.set(key, shared);
      }
      const result = await untilAborted(shared, signal, spec.endpoint);
      return joined ? { ...result, reused: true } : result;
    },
    /** Limited codes this gateway has obtained for the app (or the total, once WeChat said 45029). */
    async limitedUsed(appid: string): Promise<number> {
      return (await quota.get(appid)) ?? 0;
    },
  };
}

export type QRCodeCache = ReturnType<typeof createQRCodeCache>;

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, endpoint: string): Promise<T> {
  const aborted = () => new WeChatTransportError(endpoint, 'aborted', 'unknown');
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
