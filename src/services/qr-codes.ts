import { createHash } from 'node:crypto';
import { abortable } from '../lib/abortable.ts';
import { pollUntil } from '../lib/poll.ts';
import { mediaStore, type StoredMedia } from '../store/media.ts';
import type { Store } from '../store/index.ts';
import { createLegacyCode, getLimitedCode, getUnlimitedCode, QRCODE_ENDPOINTS, type EnvVersion, type LineColor } from '../wechat/api/qrcode.ts';
import type { AppClient } from '../wechat/client.ts';
import { WeChatApiError, WeChatTransportError } from '../wechat/errors.ts';
import type { ImageResponse } from '../wechat/http.ts';
import { ServiceError } from './errors.ts';

/** getwxacode + createwxaqrcode together, per app, for the life of the app (45029 after). */
export const LIMITED_CODES_PER_APP = 100_000;

export type QRCodeKind = 'UNLIMITED' | 'LIMITED' | 'LEGACY';

/** A code request as the caller gives it (already validated); defaults are applied here. */
export interface QRCodeRequest {
  kind: QRCodeKind;
  scene?: string | null;
  page?: string | null;
  checkPath?: boolean | null;
  path?: string | null;
  envVersion?: EnvVersion | null;
  width?: number | null;
  autoColor?: boolean | null;
  lineColor?: LineColor | null;
  isHyaline?: boolean | null;
}

export interface QRCode {
  kind: QRCodeKind;
  media: StoredMedia;
  /** True when no upstream call was made for this request (stored image, or joined another request's call). */
  reused: boolean;
}

export interface QRCodeQuota {
  limitedUsed: number;
  limitedTotal: number;
  limitedRemaining: number;
  unlimitedCacheSeconds: number;
}

export interface QRCodesOptions {
  store: Store;
  /** How long an unlimited code is reused and served. */
  unlimitedCacheSeconds: number;
  /** Lease of the cross-instance lock and time limit of the one upstream call it guards. */
  leaseMs: number;
}

interface Plan {
  endpoint: string;
  /** Counts against the 100 000 (kept for ever) rather than cached for a while. */
  limited: boolean;
  /** The request after defaults, in a fixed key order: equal requests serialize equally (the cache key). */
  params: object;
  draw: (wx: AppClient, signal: AbortSignal) => Promise<ImageResponse>;
}

function plan(request: QRCodeRequest): Plan {
  const width = request.width ?? 430;
  const envVersion = request.envVersion ?? 'release';
  const lineColor = request.lineColor ? { r: request.lineColor.r, g: request.lineColor.g, b: request.lineColor.b } : undefined;
  const style = { width, autoColor: request.autoColor ?? false, lineColor, isHyaline: request.isHyaline ?? false };
  switch (request.kind) {
    case 'UNLIMITED': {
      const params = { scene: request.scene!, page: request.page ?? undefined, checkPath: request.checkPath ?? true, envVersion, ...style };
      return { endpoint: QRCODE_ENDPOINTS.unlimited, limited: false, params, draw: (wx, signal) => getUnlimitedCode(wx, params, signal) };
    }
    case 'LIMITED': {
      const params = { path: request.path!, envVersion, ...style };
      return { endpoint: QRCODE_ENDPOINTS.limited, limited: true, params, draw: (wx, signal) => getLimitedCode(wx, params, signal) };
    }
    case 'LEGACY': {
      const params = { path: request.path!, width };
      return { endpoint: QRCODE_ENDPOINTS.legacy, limited: true, params, draw: (wx, signal) => createLegacyCode(wx, params, signal) };
    }
  }
}

interface IndexEntry {
  mediaId: string;
}

/**
 * Mini-program codes, one upstream call per distinct request.
 *
 * The request's fingerprint (sha256 of appid, kind and the request after defaults) indexes the
 * stored image's media id. Limited codes are kept for ever, so asking again never spends the
 * 100 000 again; unlimited ones for `unlimitedCacheSeconds`. Identical concurrent requests share
 * one call in this process, and one across instances through a store lock (a waiter polls the
 * index until the holder has stored the image or its lease has run out). WeChat does not report
 * the limited count, so this service keeps its own ledger per AppID.
 */
export function createQRCodes(options: QRCodesOptions) {
  const { store, leaseMs } = options;
  const unlimitedTtlMs = options.unlimitedCacheSeconds * 1000;
  const index = store.namespace<IndexEntry>('qrcode');
  const ledger = store.namespace<number>('qrcode-quota');
  const media = mediaStore(store);
  const inflight = new Map<string, Promise<QRCode>>();

  const limitedUsed = async (appid: string) => (await ledger.get(appid)) ?? 0;

  async function lookup(key: string): Promise<StoredMedia | undefined> {
    const entry = await index.get(key);
    return entry ? media.get(entry.mediaId) : undefined;
  }

  /** Read-modify-write under a per-app lock, so instances creating different codes never lose a count. */
  function updateUsed(appid: string, update: (used: number) => number): Promise<true> {
    return pollUntil(
      async () => {
        const release = await store.tryLock(`qrcode-quota:${appid}`, 2_000);
        if (!release) return undefined;
        try {
          await ledger.set(appid, update(await limitedUsed(appid)));
          return true as const;
        } finally {
          await release();
        }
      },
      { intervalMs: 5, maxIntervalMs: 100 },
    );
  }

  async function draw(wx: AppClient, kind: QRCodeKind, step: Plan, signal: AbortSignal): Promise<ImageResponse> {
    if (step.limited) {
      const used = await limitedUsed(wx.app.appid);
      if (used >= LIMITED_CODES_PER_APP)
        throw new ServiceError(
          'QUOTA_EXHAUSTED',
          `App "${wx.app.id}" has used all ${LIMITED_CODES_PER_APP} limited codes (LIMITED + LEGACY), which never come back; use an UNLIMITED code with a scene.`,
          { limitedUsed: used, limitedTotal: LIMITED_CODES_PER_APP },
        );
    }
    try {
      return await step.draw(wx, signal);
    } catch (error) {
      // 45029: WeChat says the 100 000 are spent (codes made elsewhere count too): believe it.
      if (step.limited && error instanceof WeChatApiError && error.group === 'quota_exhausted')
        await updateUsed(wx.app.appid, (used) => Math.max(used, LIMITED_CODES_PER_APP));
      throw error;
    }
  }

  function create(key: string, wx: AppClient, kind: QRCodeKind, step: Plan): Promise<QRCode> {
    return pollUntil(
      async () => {
        const stored = await lookup(key);
        if (stored) return { kind, media: stored, reused: true };
        const release = await store.tryLock(`qrcode:${key}`, leaseMs);
        if (!release) return undefined;
        try {
          const again = await lookup(key);
          if (again) return { kind, media: again, reused: true };
          // Not the caller's signal: callers waiting on this call must not fail because the
          // first of them went away; the result is kept for them and for later requests.
          const image = await draw(wx, kind, step, AbortSignal.timeout(leaseMs));
          // Keep the image before counting it: a code WeChat already drew must never be drawn again.
          const ttl = step.limited ? undefined : unlimitedTtlMs;
          const saved = await media.put({ contentType: image.contentType, bytes: image.bytes, kind: `qrcode:${kind}`, app: wx.app.id }, ttl);
          await index.set(key, { mediaId: saved.id }, ttl);
          if (step.limited) await updateUsed(wx.app.appid, (used) => used + 1).catch(() => {});
          return { kind, media: saved, reused: false };
        } finally {
          await release();
        }
      },
      { intervalMs: 10, maxIntervalMs: 250 },
    );
  }

  return {
    /**
     * The stored image for this request, or a new one from WeChat (drawn at most once per
     * distinct request at a time, across instances). `signal` only stops this caller's wait.
     */
    async create(wx: AppClient, request: QRCodeRequest, signal: AbortSignal): Promise<QRCode> {
      const step = plan(request);
      const key = createHash('sha256').update(JSON.stringify([wx.app.appid, request.kind, step.params])).digest('base64url');
      let shared = inflight.get(key);
      const joined = shared !== undefined;
      if (!shared) {
        shared = create(key, wx, request.kind, step).finally(() => inflight.delete(key));
        inflight.set(key, shared);
      }
      const result = await abortable(shared, signal, () => new WeChatTransportError(step.endpoint, 'aborted', 'unknown'));
      return joined ? { ...result, reused: true } : result;
    },

    /** How much of the app's 100 000 limited codes this gateway has used (the total once WeChat said 45029). */
    async quota(wx: AppClient): Promise<QRCodeQuota> {
      const used = await limitedUsed(wx.app.appid);
      return {
        limitedUsed: used,
        limitedTotal: LIMITED_CODES_PER_APP,
        limitedRemaining: Math.max(0, LIMITED_CODES_PER_APP - used),
        unlimitedCacheSeconds: options.unlimitedCacheSeconds,
      };
    },
  };
}

export type QRCodes = ReturnType<typeof createQRCodes>;
