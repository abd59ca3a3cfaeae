import { createDecipheriv } from 'node:crypto';
import { afterEach, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { buildPushRequest, pushStamp } from '../../src/emulator/push.ts';
import { encryptMessage, pkcs7, WECHAT_PADDING, wechatSignature, type Padding } from '../../src/emulator/push-wire.ts';
import { pkcs7Unpad } from '../../src/wechat/crypto.ts';
import type { PushEvent } from '../../src/wechat/events.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

/**
 * The emulator and the gateway implement WeChat's push crypto separately (src/emulator/push-wire.ts,
 * src/wechat/crypto.ts). Each is held to WeChat's published vectors, so a mistake in either one
 * (here: the classic AES 16-byte padding instead of WeChat's 32) fails a test instead of being
 * shared by both and passing.
 */

// The mini-program message-push doc's safe-mode sample (token AAAAA, appid wxba5fad812f8e6fb9).
type DocVector = {
  token: string;
  encoding_aes_key: string;
  appid: string;
  inbound: {
    query: Record<string, string>;
    body_json: { ToUserName: string; Encrypt: string };
    expected: { random: string; msg: string; receive_id: string };
  };
};

let stack: Stack | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await stack?.close();
  stack = undefined;
});

/** The next event the gateway publishes for `app`, read from its event bus. */
function nextEvent(s: Stack, app: string): Promise<PushEvent> {
  const events = s.instances[0]!.gateway.services.events.subscribe(`push:${app}`);
  return Promise.race([
    events.next().then((r) => r.value as PushEvent),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing published for ${app}`)), 3_000)),
  ]).finally(() => void events.return?.());
}

describeFixtures('push crypto: emulator and gateway, each against WeChat', () => {
  const doc = () => fixture<DocVector>('crypto/official_miniprogram_push_json_aes.json');
  const docApp = (): AppConfig => {
    const v = doc();
    return { id: 'docsecure', kind: 'miniprogram', appid: v.appid, secret: 'unused-doc-secret', token: v.token, encodingAesKey: v.encoding_aes_key };
  };

  it('a safe-mode push built by the emulator decrypts in the gateway over HTTP', async () => {
    stack = await startStack();
    const app = stack.config.apps.find((a) => a.id === 'miniprogram')!;
    const target = { url: `${stack.instances[0]!.url}/wechat/miniprogram`, appid: app.appid, token: app.token!, encodingAesKey: app.encodingAesKey, mode: 'safe' as const, format: 'json' as const };
    const message = { ToUserName: 'gh_0123456789ab', FromUserName: 'oCrypto', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: '加密 round trip', MsgId: '7300000000000000001' };
    const request = buildPushRequest(target, { plaintext: JSON.stringify(message), toUserName: message.ToUserName }, pushStamp(Date.now()));
    // Safe mode carries nothing readable but the recipient.
    expect(Object.keys(JSON.parse(request.body))).toEqual(['ToUserName', 'Encrypt']);
    const published = nextEvent(stack, 'miniprogram');
    const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': request.contentType }, body: request.body });
    expect(await response.text()).toBe('success');
    expect(response.status).toBe(200);
    expect((await published).raw).toMatchObject({ Content: '加密 round trip', FromUserName: 'oCrypto' });
  });

  it("WeChat's published safe-mode push decrypts in the gateway over HTTP", async () => {
    const v = doc();
    stack = await startStack({ apps: (apps) => [...apps, docApp()] });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Number(v.inbound.query.timestamp) * 1000);
    const published = nextEvent(stack, 'docsecure');
    const response = await fetch(`${stack.instances[0]!.url}/wechat/docsecure?${new URLSearchParams(v.inbound.query)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(v.inbound.body_json),
    });
    expect(await response.text()).toBe('success');
    expect((await published).raw).toEqual(JSON.parse(v.inbound.expected.msg));
  });

  it.each([
    ["WeChat's PKCS#7 to 32 bytes", WECHAT_PADDING, true],
    ["AES's usual PKCS#7 to 16 bytes (a deliberate mistake)", pkcs7(16), false],
  ] as [string, Padding, boolean][])('the emulator, padding with %s, reproduces the published ciphertext: %s', (_name, padding, matches) => {
    const v = doc();
    const encrypt = encryptMessage({
      encodingAesKey: v.encoding_aes_key,
      appid: v.inbound.expected.receive_id,
      plaintext: v.inbound.expected.msg,
      random: Buffer.from(v.inbound.expected.random, 'latin1'),
      padding,
    });
    expect(encrypt === v.inbound.body_json.Encrypt).toBe(matches);
    const { timestamp, nonce, msg_signature } = v.inbound.query;
    expect(wechatSignature(v.token, timestamp!, nonce!, encrypt) === msg_signature).toBe(matches);
  });

  it.each([
    ['32 (WeChat)', 32, true],
    ['16 (a deliberate mistake)', 16, false],
  ] as const)("the gateway's unpadding with block %s opens the published ciphertext: %s", (_name, block, opens) => {
    const v = doc();
    const key = Buffer.from(`${v.encoding_aes_key}=`, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const raw = Buffer.concat([decipher.update(Buffer.from(v.inbound.body_json.Encrypt, 'base64')), decipher.final()]);
    // 205 bytes of content padded to 224: a pad of 19, which a 16-byte unpadder refuses.
    expect(raw.at(-1)).toBe(19);
    if (!opens) return expect(() => pkcs7Unpad(raw, block)).toThrow(/pad value 19/);
    const content = pkcs7Unpad(raw, block);
    expect(content.subarray(20, 20 + content.readUInt32BE(16)).toString('utf8')).toBe(v.inbound.expected.msg);
  });
});
