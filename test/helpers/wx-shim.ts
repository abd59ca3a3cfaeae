import { request as undiciRequest } from 'undici';
import type { MiniProgramApi, MiniProgramRequestOptions, MiniProgramRequestTask } from '../../client/src/index.ts';
import { recordText } from './leak-scan.ts';

export interface WxShimOptions {
  /** The emulator, which plays the WeChat client for wx.login (it mints the code). */
  emulatorUrl: string;
  appid: string;
  /** The WeChat user behind this phone. */
  user: string;
  /** Cut every chunk into pieces this many bytes long, so characters straddle chunks. */
  chunkBytes?: number;
}

export interface WxShim extends MiniProgramApi {
  storage: Map<string, unknown>;
  counts: { login: number; request: number };
}

/**
 * The parts of a mini program's `wx` the client kit uses, built on undici: request (text and
 * chunked), login (a code from the emulator), and sync storage (`''` for a missing key, as wx does).
 */
export function createWxShim(options: WxShimOptions): WxShim {
  const storage = new Map<string, unknown>();
  const counts = { login: 0, request: 0 };

  function request(opts: MiniProgramRequestOptions): MiniProgramRequestTask {
    counts.request += 1;
    const controller = new AbortController();
    const chunkListeners: ((result: { data: ArrayBuffer }) => void)[] = [];
    const headerListeners: ((result: { header: Record<string, unknown>; statusCode: number }) => void)[] = [];
    const toArrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

    void (async () => {
      try {
        const response = await undiciRequest(opts.url, {
          method: opts.method,
          headers: opts.header,
          body: opts.data,
          signal: controller.signal,
          headersTimeout: opts.timeout,
          bodyTimeout: opts.enableChunked ? 0 : opts.timeout,
        });
        const header = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
        if (opts.enableChunked) {
          for (const listener of headerListeners) listener({ header, statusCode: response.statusCode });
          const seen: Buffer[] = [];
          for await (const chunk of response.body) {
            const bytes = chunk as Buffer;
            seen.push(bytes);
            const step = options.chunkBytes ?? bytes.length;
            for (let i = 0; i < bytes.length; i += step) {
              const piece = toArrayBuffer(bytes.subarray(i, i + step));
              for (const listener of chunkListeners) listener({ data: piece });
            }
          }
          recordText(Buffer.concat(seen).toString('utf8'));
          opts.success({ statusCode: response.statusCode, header, data: new ArrayBuffer(0) });
          return;
        }
        const text = await response.body.text();
        recordText(text);
        let data: unknown = text;
        if (opts.dataType === 'json') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        } else if (opts.responseType === 'arraybuffer') data = toArrayBuffer(Buffer.from(text));
        opts.success({ statusCode: response.statusCode, header, data });
      } catch (error) {
        opts.fail({ errMsg: controller.signal.aborted ? 'request:fail abort' : `request:fail ${(error as Error).message}` });
      }
    })();

    return {
      abort: () => controller.abort(),
      onChunkReceived: (listener) => void chunkListeners.push(listener),
      onHeadersReceived: (listener) => void headerListeners.push(listener as (typeof headerListeners)[number]),
    };
  }

  return {
    storage,
    counts,
    request,
    login({ success, fail }) {
      counts.login += 1;
      fetch(`${options.emulatorUrl}/__emulator/codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appid: options.appid, kind: 'login', user: options.user }),
      })
        .then(async (response) => success({ code: ((await response.json()) as { code: string }).code }))
        .catch((error: Error) => fail({ errMsg: `login:fail ${error.message}` }));
    },
    getStorageSync: (key) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
    setStorageSync: (key, value) => void storage.set(key, structuredClone(value)),
    removeStorageSync: (key) => void storage.delete(key),
  };
}
