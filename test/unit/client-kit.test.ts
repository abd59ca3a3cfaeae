import { describe, expect, it } from 'vitest';
import { createClient, createSseParser, memoryStorage, sessionAuth, type SseEvent, type StreamSink, type Transport } from '../../client/src/index.ts';
import { createUtf8Decoder } from '../../client/src/utf8.ts';

const doc = Object.assign(new String('subscription S { s }'), { __meta__: { hash: 'abc' } }) as unknown as {
  __apiType?: (variables: Record<string, never>) => { s: number };
};

/** A transport whose streams are scripted: each attempt either fails or sends SSE text. */
function scripted(attempts: ({ fail: true } | { status?: number; text: string })[]) {
  const seen: { headers: Record<string, string>; body: string }[] = [];
  const transport: Transport = {
    send: async () => ({ status: 200, headers: {}, body: '{"data":{}}' }),
    stream(request, sink: StreamSink) {
      seen.push({ headers: request.headers, body: request.body });
      const step = attempts.shift() ?? { text: '' };
      const done = (async () => {
        await Promise.resolve();
        if ('fail' in step) throw new Error('connection reset');
        sink.head(step.status ?? 200, { 'content-type': 'text/event-stream' });
        sink.chunk(step.text);
      })();
      return { done, abort: () => {} };
    },
  };
  return { transport, seen };
}

describe('client kit: SSE subscriptions', () => {
  it('reconnects with growing back-off after dropped streams, then delivers', async () => {
    const { transport, seen } = scripted([{ fail: true }, { fail: true }, { text: 'event: next\ndata: {"data":{"s":1}}\n\n:\n\nevent: next\ndata: {"data":{"s":2}}\n\nevent: complete\ndata:\n\n' }]);
    const client = createClient({ url: 'http://gw/graphql', transport, reconnect: { initialDelayMs: 10, maxDelayMs: 1000 } });
    const delays: number[] = [];
    const got: number[] = [];
    await new Promise<void>((resolve, reject) =>
      client.subscribe(doc, {}, { next: (d) => got.push(d.s), reconnecting: ({ delayMs }) => delays.push(delayMs), complete: resolve, error: reject }),
    );
    expect(got).toEqual([1, 2]);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(5);
    expect(delays[0]).toBeLessThanOrEqual(10);
    expect(delays[1]).toBeGreaterThanOrEqual(10);
    expect(delays[1]).toBeLessThanOrEqual(20);
    expect(seen[0]!.headers.accept).toBe('text/event-stream');
    expect(JSON.parse(seen[0]!.body)).toEqual({ query: 'subscription S { s }', variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
  });

  it('an UNAUTHENTICATED subscription signs in once and resubscribes; FORBIDDEN is final', async () => {
    const unauthenticated = 'event: next\ndata: {"errors":[{"message":"no","extensions":{"code":"UNAUTHENTICATED"}}]}\n\nevent: complete\n\n';
    const forbidden = 'event: next\ndata: {"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}\n\nevent: complete\n\n';
    const { transport, seen } = scripted([{ text: unauthenticated }, { text: forbidden }]);
    let signIns = 0;
    const storage = memoryStorage();
    storage.set({ token: 'wgs_old' });
    const auth = sessionAuth({ storage, signIn: async () => ({ token: `wgs_new${++signIns}` }) });
    const client = createClient({ url: 'http://gw/graphql', transport, auth });
    const error = await new Promise<Error>((resolve) => client.subscribe(doc, {}, { next: () => {}, error: resolve }));
    expect((error as { code?: string }).code).toBe('FORBIDDEN');
    expect(signIns).toBe(1);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer wgs_old', 'Bearer wgs_new1']);
  });

  it('parses SSE split anywhere, with CRLF, comments and multi-line data', () => {
    const events: SseEvent[] = [];
    const push = createSseParser((e) => events.push(e));
    const stream = ': ping\r\n\r\nevent: next\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: complete\r\n\r\n';
    for (const ch of stream) push(ch);
    expect(events).toEqual([
      { event: 'next', data: '{"a":\n1}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('decodes UTF-8 cut at every byte, with and without TextDecoder', () => {
    const bytes = new TextEncoder().encode('你好 👋 wechat');
    const native = createUtf8Decoder();
    const saved = globalThis.TextDecoder;
    (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
    const fallback = createUtf8Decoder();
    globalThis.TextDecoder = saved;
    for (const decode of [native, fallback]) {
      let out = '';
      for (const byte of bytes) out += decode(new Uint8Array([byte]));
      out += decode(new Uint8Array(0), true);
      expect(out).toBe('你好 👋 wechat');
    }
  });
});
