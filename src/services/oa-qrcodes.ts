import { createHash } from 'node:crypto';
import { mediaStore, type StoredMedia } from '../store/media.ts';
import type { Store } from '../store/store.ts';
import { createOAQRCode, fetchOAQRCodeImage, type OAQRCodeAction } from '../wechat/api/oa-qrcode.ts';
import type { AppClient } from '../wechat/client.ts';
import { WeChatApiError, WeChatTransportError } from '../wechat/errors.ts';
import { abortable } from '../lib/abortable.ts';
import { pollUntil } from '../lib/poll.ts';
import { ServiceError } from './errors.ts';

/** Permanent codes (QR_LIMIT_SCENE + QR_LIMIT_STR_SCENE) per Official Account, for its whole life (45029 after). */
export const PERMANENT_CODES_PER_ACCOUNT = 100_000;
/** A stored temporary code is handed out again only while it has more than this to live. */
export const TEMPORARY_REUSE_MARGIN_MS = 60_000;

export interface OAQRCodeOrder {
  permanent: boolean;
  /** Exactly one of sceneId / sceneStr. */
  sceneId?: number;
  sceneStr?: string;
  /** Temporary codes: 60..2592000 s. */
  expireSeconds?: number;
}

/** What the ledger keeps per code this gateway made. */
export interface OAQRCodeRecord {
  app: string;
  appid: string;
  action: OAQRCodeAction;
  permanent: boolean;
  sceneId: number | null;
  sceneStr: string | null;
  ticket: string;
  url: string | null;
  createdAt: number;
  /** Epoch ms; null for a permanent code. */
  expiresAt: number | null;
  /** The image at /media/:id, once fetched from showqrcode. */
  mediaId?: string;
}

export interface ObtainedOAQRCode {
  record: OAQRCodeRecord;
  media: StoredMedia;
  /** True when no cgi-bin/qrcode/create call was made for this request. */
  reused: boolean;
}

export interface OAQRCodesDeps {
  store: Store;
  /** WeChat's mp host (showqrcode). */
  mpBase: string;
  /** Lease of the cross-instance lock, and time limit of the calls it guards. */
  leaseMs: number;
}

const actionOf = (order: OAQRCodeOrder): OAQRCodeAction =>
  order.permanent ? (order.sceneStr !== undefined ? 'QR_LIMIT_STR_SCENE' : 'QR_LIMIT_SCENE') : order.sceneStr !== undefined ? 'QR_STR_SCENE' : 'QR_SCENE';

/**
 * Official Account parametric QR codes. Permanent codes are a ledger: the same scene returns the
 * stored code with no WeChat call, for ever, across instances and restarts of a durable store,
 * and a per-account count refuses the 100 001st before WeChat does. Temporary codes with the
 * same scene are reused while they have more than a minute to live. Every ticket is indexed, so
 * a SubscribeEvent / ScanEvent can be traced back to the code (and campaign) that made it.
 */
export function createOAQRCodes(deps: OAQRCodesDeps) {
  const { store } = deps;
  const ledger = store.namespace<OAQRCodeRecord>('oa-qrcode');
  const tickets = store.namespace<string>('oa-qrcode-ticket');
  const quota = store.namespace<number>('oa-qrcode-quota');
  const media = mediaStore(store);
  const inflight = new Map<string, Promise<ObtainedOAQRCode>>();

  const fingerprint = (appid: string, action: OAQRCodeAction, order: OAQRCodeOrder) =>
    createHash('sha256').update(JSON.stringify([appid, action, order.sceneId ?? null, order.sceneStr ?? null])).digest('base64url');
  const ttlOf = (record: OAQRCodeRecord) => (record.expiresAt === null ? undefined : Math.max(1, record.expiresAt - Date.now()));
  const usable = (record: OAQRCodeRecord | undefined): record is OAQRCodeRecord =>
    !!record && (record.expiresAt === null || record.expiresAt - Date.now() > TEMPORARY_REUSE_MARGIN_MS);

  /** Runs `run` holding the lock `name`, waiting for it as long as another holder keeps it. */
  const lockFor = <T>(name: string, leaseMs: number, run: () => Promise<T>): Promise<T> =>
    pollUntil(
      async () => {
        const release = await store.tryLock(name, leaseMs);
        if (!release) return undefined;
        try {
          return { value: await run() };
        } finally {
          await release().catch(() => {});
        }
      },
      { intervalMs: 5, maxIntervalMs: 100 },
    ).then((held) => held.value);

  const updateUsed = (appid: string, update: (used: number) => number) =>
    lockFor(`oa-qrcode-quota:${appid}`, 2_000, async () => quota.set(appid, update((await quota.get(appid)) ?? 0)));

  /** The stored image, or a fresh one from showqrcode (a ticket's image can be fetched any number of times). */
  async function imageOf(wx: AppClient, key: string, record: OAQRCodeRecord): Promise<{ record: OAQRCodeRecord; media: StoredMedia }> {
    const stored = record.mediaId ? await media.get(record.mediaId) : undefined;
    if (stored) return { record, media: stored };
    const image = await fetchOAQRCodeImage(wx, deps.mpBase, record.ticket, AbortSignal.timeout(deps.leaseMs));
    const saved = await media.put({ contentType: image.contentType, bytes: image.bytes, kind: `oa-qrcode:${record.action}`, app: record.app }, ttlOf(record));
    const updated = { ...record, mediaId: saved.id };
    await ledger.set(key, updated, ttlOf(updated));
    return { record: updated, media: saved };
  }

  function create(wx: AppClient, key: string, order: OAQRCodeOrder): Promise<ObtainedOAQRCode> {
    return pollUntil(async () => {
      const known = await ledger.get(key);
      if (usable(known)) return { ...(await imageOf(wx, key, known)), reused: true };
      const release = await store.tryLock(`oa-qrcode:${key}`, deps.leaseMs);
      if (!release) return undefined;
      try {
        const again = await ledger.get(key);
        if (usable(again)) return { ...(await imageOf(wx, key, again)), reused: true };
        const action = actionOf(order);
        const appid = wx.app.appid;
        if (order.permanent) {
          const used = (await quota.get(appid)) ?? 0;
          if (used >= PERMANENT_CODES_PER_ACCOUNT) throw exhausted(wx.app.id, used);
        }
        // Not the caller's signal: requests waiting on this one must not fail because it went away.
        let ticket;
        try {
          ticket = await createOAQRCode(wx, { action, sceneId: order.sceneId, sceneStr: order.sceneStr, expireSeconds: order.expireSeconds }, AbortSignal.timeout(deps.leaseMs));
        } catch (error) {
          if (order.permanent && error instanceof WeChatApiError && error.group === 'quota_exhausted')
            await updateUsed(appid, (used) => Math.max(used, PERMANENT_CODES_PER_ACCOUNT));
          throw error;
        }
        const now = Date.now();
        const record: OAQRCodeRecord = {
          app: wx.app.id,
          appid,
          action,
          permanent: order.permanent,
          sceneId: order.sceneId ?? null,
          sceneStr: order.sceneStr ?? null,
          ticket: ticket.ticket,
          url: ticket.url,
          createdAt: now,
          expiresAt: order.permanent ? null : now + (ticket.expireSeconds ?? order.expireSeconds ?? 0) * 1000,
        };
        // The ticket is kept before anything else can fail: a code WeChat made is never made again.
        await ledger.set(key, record, ttlOf(record));
        await tickets.set(`${appid}:${record.ticket}`, key, ttlOf(record)).catch(() => {});
        if (order.permanent) await updateUsed(appid, (used) => used + 1).catch(() => {});
        return { ...(await imageOf(wx, key, record)), reused: false };
      } finally {
        await release().catch(() => {});
      }
    }, { intervalMs: 10, maxIntervalMs: 250 });
  }

  return {
    /** The stored code for this scene, or a new one (one cgi-bin/qrcode/create per scene at a time, across instances). */
    async obtain(wx: AppClient, order: OAQRCodeOrder, signal: AbortSignal): Promise<ObtainedOAQRCode> {
      const key = fingerprint(wx.app.appid, actionOf(order), order);
      let shared = inflight.get(key);
      const joined = shared !== undefined;
      if (!shared) {
        shared = create(wx, key, order).finally(() => inflight.delete(key));
        inflight.set(key, shared);
      }
      const result = await abortable(shared, signal, () => new WeChatTransportError('cgi-bin/qrcode/create', 'aborted', 'unknown'));
      return joined ? { ...result, reused: true } : result;
    },
    /** The code this gateway made with that ticket (null for codes made elsewhere or expired). */
    async byTicket(appid: string, ticket: string): Promise<OAQRCodeRecord | null> {
      const key = await tickets.get(`${appid}:${ticket}`);
      const record = key ? await ledger.get(key) : undefined;
      return record && record.ticket === ticket ? record : null;
    },
    /** Permanent codes this gateway has made for the account (the total once WeChat answered 45029). */
    async permanentUsed(appid: string): Promise<number> {
      return (await quota.get(appid)) ?? 0;
    },
  };
}

export type OAQRCodes = ReturnType<typeof createOAQRCodes>;

const exhausted = (app: string, used: number) =>
  new ServiceError(
    'QUOTA_EXHAUSTED',
    `Official Account "${app}" has used all ${PERMANENT_CODES_PER_ACCOUNT} permanent QR codes, which never come back; use a temporary code (up to 30 days).`,
    { permanentUsed: used, permanentTotal: PERMANENT_CODES_PER_ACCOUNT },
  );
