import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config/index.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { createMessageSender } from '../../../src/services/message-sender.ts';
import { createUploads } from '../../../src/services/uploads.ts';
import { createStore, type Store } from '../../../src/store/index.ts';
import type { AppCall, AppClient } from '../../../src/wechat/client.ts';
import { WeChatApiError } from '../../../src/wechat/errors.ts';

const APP = { id: 'mp', kind: 'miniprogram', appid: 'wx0000000000000001', secret: 's' } as AppConfig;
const TEMPLATE = {
  priTmplId: 'tmpl-meeting',
  title: '会议提醒',
  content: '会议地点:{{thing1.DATA}}\n会议时间:{{time2.DATA}}\n',
  example: '',
  type: 2,
  keywordEnumValueList: [],
};

/** An app client answering the template list and sends like WeChat would, counting calls per endpoint. */
function fakeClient(answer: (call: AppCall) => unknown = () => ({ errcode: 0 })) {
  const calls: string[] = [];
  const client: AppClient = {
    app: APP,
    async json<T>(call: AppCall) {
      calls.push(call.endpoint);
      if (call.endpoint === 'wxaapi/newtmpl/gettemplate') return { errcode: 0, data: [TEMPLATE] } as T;
      const result = answer(call);
      if (result instanceof Error) throw result;
      return result as T;
    },
    image: () => Promise.reject(new Error('not used')),
  };
  const count = (endpoint: string) => calls.filter((call) => call === endpoint).length;
  return { client, count };
}

const SEND = 'cgi-bin/message/subscribe/send';
const meeting = (place = '三号会议室') => ({
  toOpenid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
  templateId: 'tmpl-meeting',
  data: [
    { key: 'thing1', value: place },
    { key: 'time2', value: '15:01' },
  ],
});

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function sender() {
  store = await createStore();
  return createMessageSender({ store, uploads: createUploads(), requestDeadlineMs: 2_000 });
}

const signal = () => AbortSignal.timeout(5_000);

describe('messageSender service', () => {
  it('sends once per idempotency key and refuses the key for another message', async () => {
    const messages = await sender();
    const { client, count } = fakeClient();
    const first = await messages.sendSubscribe(client, { ...meeting(), idempotencyKey: 'order-1' }, signal());
    const repeat = await messages.sendSubscribe(client, { ...meeting(), idempotencyKey: 'order-1' }, signal());
    expect(first).toMatchObject({ replayed: false, idempotencyKey: 'order-1', mediaId: null });
    expect(repeat).toEqual({ ...first, replayed: true });
    expect(count(SEND)).toBe(1);
    const reused = messages.sendSubscribe(client, { ...meeting('另一个地点'), idempotencyKey: 'order-1' }, signal());
    await expect(reused).rejects.toBeInstanceOf(ServiceError);
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', extensions: { field: 'idempotencyKey' } });
    // Without a key, every call sends.
    await messages.sendSubscribe(client, meeting(), signal());
    await messages.sendSubscribe(client, meeting(), signal());
    expect(count(SEND)).toBe(3);
  });

  it("remembers WeChat's refusal as plain data and replays it without sending again", async () => {
    const messages = await sender();
    const { client, count } = fakeClient(() => new WeChatApiError(SEND, 43101, 'user refuse to accept the msg rid: 6650a1b2-0a1b2c3d-4e5f6a7b'));
    const first = messages.sendSubscribe(client, { ...meeting(), idempotencyKey: 'k-refused' }, signal());
    await expect(first).rejects.toMatchObject({ errcode: 43101 });
    const replay = messages.sendSubscribe(client, { ...meeting(), idempotencyKey: 'k-refused' }, signal());
    await expect(replay).rejects.toBeInstanceOf(ServiceError);
    await expect(replay).rejects.toMatchObject({
      code: 'WECHAT_RECIPIENT_UNAVAILABLE',
      extensions: { errcode: 43101, endpoint: SEND, replayed: true, idempotencyKey: 'k-refused' },
    });
    expect(count(SEND)).toBe(1);
    // The store holds a neutral record: a code, a message and details; no error object of any layer.
    const id = `mp:sendSubscribeMessage:${createHash('sha256').update('k-refused').digest('base64url')}`;
    const stored = await store!.namespace('idempotency').get(id);
    expect(stored).toEqual(
      expect.objectContaining({ state: 'failed', failure: { code: 'WECHAT_RECIPIENT_UNAVAILABLE', message: expect.stringContaining('43101'), details: expect.objectContaining({ errcode: 43101 }) } }),
    );
    expect(Object.getPrototypeOf((stored as { failure: object }).failure)).toBe(Object.prototype);
  });

  it('checks the data against the template before sending', async () => {
    const messages = await sender();
    const { client, count } = fakeClient();
    const wrongKey = messages.sendSubscribe(client, { ...meeting(), data: [{ key: 'thing9', value: 'x' }, { key: 'time2', value: '15:01' }] }, signal());
    await expect(wrongKey).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'message.data.0.key' } });
    const missing = messages.sendSubscribe(client, { ...meeting(), data: [{ key: 'thing1', value: 'x' }] }, signal());
    await expect(missing).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('time2') });
    const unknownTemplate = messages.sendSubscribe(client, { ...meeting(), templateId: 'nope' }, signal());
    await expect(unknownTemplate).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'message.templateId' } });
    expect(count(SEND)).toBe(0);
    // The list is cached: one listing for the two checks of a known template, one refresh for the unknown one.
    expect(count('wxaapi/newtmpl/gettemplate')).toBe(2);
  });

  it('refuses a link card from an official account and an image that is not one, before any call', async () => {
    const messages = await sender();
    const oa: AppClient = { ...fakeClient().client, app: { ...APP, kind: 'officialAccount' } as AppConfig };
    const link = { title: 't', description: 'd', url: 'https://example.com', thumbUrl: 'https://example.com/a.png' };
    await expect(messages.sendCustomerService(oa, { toOpenid: 'o1', link }, signal())).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'message.link' } });
    const { client, count } = fakeClient();
    const notImage = new File([Buffer.from('hello, not an image')], 'a.png', { type: 'image/png' });
    await expect(messages.sendCustomerService(client, { toOpenid: 'o1', image: { file: notImage } }, signal())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'message.image.file' },
    });
    expect(count('cgi-bin/media/upload') + count('cgi-bin/message/custom/send')).toBe(0);
  });
});
