import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config/index.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { createQRCodes, LIMITED_CODES_PER_APP } from '../../../src/services/qr-codes.ts';
import { createStore, type Store } from '../../../src/store/index.ts';
import type { AppCall, AppClient } from '../../../src/wechat/client.ts';
import { WeChatApiError } from '../../../src/wechat/errors.ts';

const APP = { id: 'mp', kind: 'miniprogram', appid: 'wx0000000000000001', secret: 's' } as AppConfig;

/** An app client that draws a fake PNG per call (or fails as told), counting calls per endpoint. */
function fakeClient(fail?: (call: AppCall) => Error | undefined) {
  const calls: AppCall[] = [];
  const client: AppClient = {
    app: APP,
    json: () => Promise.reject(new Error('not used')),
    async image(call) {
      calls.push(call);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const error = fail?.(call);
      if (error) throw error;
      return { contentType: 'image/png', bytes: Buffer.from(`png ${calls.length}`) };
    },
  };
  return { client, calls };
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const signal = () => AbortSignal.timeout(5_000);

describe('qrCodes service', () => {
  it('draws each distinct code once and serves repeats from the store', async () => {
    store = await createStore();
    const qrCodes = createQRCodes({ store, unlimitedCacheSeconds: 60, leaseMs: 2_000 });
    const { client, calls } = fakeClient();
    const first = await qrCodes.create(client, { kind: 'UNLIMITED', scene: 'a=1' }, signal());
    const again = await qrCodes.create(client, { kind: 'UNLIMITED', scene: 'a=1', width: 430, checkPath: true }, signal());
    expect(first.reused).toBe(false);
    expect(again).toMatchObject({ reused: true, kind: 'UNLIMITED' });
    expect(again.media.id).toBe(first.media.id);
    expect(first.media.expiresAt).toBeDefined();
    await qrCodes.create(client, { kind: 'UNLIMITED', scene: 'a=2' }, signal());
    expect(calls.map((call) => call.endpoint)).toEqual(['wxa/getwxacodeunlimit', 'wxa/getwxacodeunlimit']);
    // Unlimited codes do not count against the 100 000.
    expect(await qrCodes.quota(client)).toEqual({ limitedUsed: 0, limitedTotal: LIMITED_CODES_PER_APP, limitedRemaining: LIMITED_CODES_PER_APP, unlimitedCacheSeconds: 60 });
  });

  it('makes one call for identical concurrent requests and counts limited codes once', async () => {
    store = await createStore();
    const qrCodes = createQRCodes({ store, unlimitedCacheSeconds: 60, leaseMs: 2_000 });
    const { client, calls } = fakeClient();
    const results = await Promise.all(Array.from({ length: 5 }, () => qrCodes.create(client, { kind: 'LIMITED', path: 'pages/a?id=1' }, signal())));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.json).toMatchObject({ path: 'pages/a?id=1', env_version: 'release', width: 430 });
    expect(results.filter((result) => !result.reused)).toHaveLength(1);
    expect(new Set(results.map((result) => result.media.id)).size).toBe(1);
    expect(results[0]!.media.expiresAt).toBeUndefined();
    await qrCodes.create(client, { kind: 'LEGACY', path: 'pages/a?id=1' }, signal());
    expect((await qrCodes.quota(client)).limitedUsed).toBe(2);
  });

  it('believes 45029 and then refuses limited codes without calling WeChat', async () => {
    store = await createStore();
    const qrCodes = createQRCodes({ store, unlimitedCacheSeconds: 60, leaseMs: 2_000 });
    const { client, calls } = fakeClient((call) => (call.endpoint === 'wxa/getwxacode' ? new WeChatApiError(call.endpoint, 45029, 'reach max count limit') : undefined));
    await expect(qrCodes.create(client, { kind: 'LIMITED', path: 'pages/a' }, signal())).rejects.toMatchObject({ errcode: 45029 });
    expect(await qrCodes.quota(client)).toMatchObject({ limitedUsed: LIMITED_CODES_PER_APP, limitedRemaining: 0 });
    const refused = qrCodes.create(client, { kind: 'LEGACY', path: 'pages/b' }, signal());
    await expect(refused).rejects.toBeInstanceOf(ServiceError);
    await expect(refused).rejects.toMatchObject({ code: 'QUOTA_EXHAUSTED', extensions: { limitedTotal: LIMITED_CODES_PER_APP } });
    expect(calls).toHaveLength(1);
    // Unlimited codes still work.
    expect((await qrCodes.create(client, { kind: 'UNLIMITED', scene: 'x' }, signal())).reused).toBe(false);
  });

  it('stops only the waiting caller when its signal aborts; the code is still kept', async () => {
    store = await createStore();
    const qrCodes = createQRCodes({ store, unlimitedCacheSeconds: 60, leaseMs: 2_000 });
    const { client, calls } = fakeClient();
    const gone = new AbortController();
    const waiting = qrCodes.create(client, { kind: 'UNLIMITED', scene: 'slow' }, gone.signal);
    gone.abort();
    await expect(waiting).rejects.toMatchObject({ failure: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await qrCodes.create(client, { kind: 'UNLIMITED', scene: 'slow' }, signal())).reused).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
