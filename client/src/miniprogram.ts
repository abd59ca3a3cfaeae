import { sessionAuth, type Authenticator, type SessionStorage, type StoredSession } from './auth.js';
import { createClient, type ClientOptions, type GatewayClient } from './client.js';
import type { TypedDocument } from './document.js';
import { SignInError, TransportError } from './errors.js';
import { lowerCaseHeaders, type StreamHandle, type Transport } from './transport.js';
import { createUtf8Decoder } from './utf8.js';

/** The subset of `wx.request`'s options the client uses (Taro.request and uni.request take the same). */
export interface MiniProgramRequestOptions {
  url: string;
  method: 'POST';
  header: Record<string, string>;
  data: string;
  /** Anything but 'json' leaves the body as text. */
  dataType: string;
  responseType: 'text' | 'arraybuffer';
  enableChunked?: boolean;
  timeout?: number;
  success(result: { statusCode: number; header?: Record<string, unknown>; data: unknown }): void;
  fail(error: { errMsg?: string }): void;
}

export interface MiniProgramRequestTask {
  abort(): void;
  onChunkReceived?(listener: (result: { data: ArrayBuffer }) => void): void;
  onHeadersReceived?(listener: (result: { header?: Record<string, unknown>; statusCode?: number }) => void): void;
}

/**
 * What the client needs from the mini-program runtime: pass `wx`, or Taro / uni (same method
 * names and callback shapes), or a shim in tests.
 */
export interface MiniProgramApi {
  request(options: MiniProgramRequestOptions): MiniProgramRequestTask | unknown;
  login(options: { timeout?: number; success(result: { code: string }): void; fail(error: { errMsg?: string }): void }): void;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

const failure = (error: { errMsg?: string } | undefined) => new TransportError(`wx.request failed: ${error?.errMsg ?? 'unknown error'}`);

/** `wx.request` as a transport; subscriptions use `enableChunked` and `onChunkReceived` (base library 2.20.2+). */
export function wxTransport(wx: Pick<MiniProgramApi, 'request'>, options: { timeoutMs?: number } = {}): Transport {
  return {
    send(request) {
      return new Promise((resolve, reject) => {
        const task = wx.request({
          url: request.url,
          method: 'POST',
          header: request.headers,
          data: request.body,
          dataType: 'text',
          responseType: 'text',
          timeout: options.timeoutMs ?? 60_000,
          success: (result) =>
            resolve({
              status: result.statusCode,
              headers: lowerCaseHeaders(result.header),
              body: typeof result.data === 'string' ? result.data : JSON.stringify(result.data),
            }),
          fail: (error) => reject(failure(error)),
        }) as MiniProgramRequestTask | undefined;
        request.signal?.addEventListener('abort', () => task?.abort());
      });
    },
    stream(request, sink): StreamHandle {
      const decode = createUtf8Decoder();
      let aborted = false;
      let headed = false;
      let task: MiniProgramRequestTask | undefined;
      const head = (status: number, header: Record<string, unknown> | undefined) => {
        if (headed) return;
        headed = true;
        sink.head(status, lowerCaseHeaders(header));
      };
      const done = new Promise<void>((resolve, reject) => {
        task = wx.request({
          url: request.url,
          method: 'POST',
          header: request.headers,
          data: request.body,
          dataType: 'text',
          responseType: 'arraybuffer',
          enableChunked: true,
          // A subscription stays open; the gateway's keep-alive comments keep the connection busy.
          timeout: 24 * 3600_000,
          success: (result) => {
            head(result.statusCode, result.header);
            // Runtimes without chunking deliver the whole body here.
            if (result.data instanceof ArrayBuffer && result.data.byteLength) sink.chunk(decode(result.data));
            else if (typeof result.data === 'string' && result.data) sink.chunk(result.data);
            const rest = decode(new ArrayBuffer(0), true);
            if (rest) sink.chunk(rest);
            resolve();
          },
          fail: (error) => (aborted ? resolve() : reject(failure(error))),
        }) as MiniProgramRequestTask | undefined;
        if (!task?.onChunkReceived) return;
        task.onHeadersReceived?.((result) => head(result.statusCode ?? 200, result.header));
        task.onChunkReceived((result) => {
          if (!headed) head(200, { 'content-type': 'text/event-stream' });
          sink.chunk(decode(result.data));
        });
      });
      request.signal?.addEventListener('abort', () => {
        aborted = true;
        task?.abort();
      });
      return {
        done,
        abort() {
          aborted = true;
          task?.abort();
        },
      };
    },
  };
}

/** A session kept with wx.setStorageSync, so it survives the mini program being closed. */
export function wxStorage(wx: Pick<MiniProgramApi, 'getStorageSync' | 'setStorageSync' | 'removeStorageSync'>, key = 'wechat-graphql:session'): SessionStorage {
  return {
    get() {
      const value = wx.getStorageSync(key) as Partial<StoredSession> | '' | undefined;
      return value && typeof value === 'object' && typeof value.token === 'string' ? { token: value.token, expiresAt: value.expiresAt } : null;
    },
    set: (session) => wx.setStorageSync(key, session),
    clear: () => wx.removeStorageSync(key),
  };
}

/** wx.login() as a promise: a single-use code, valid for 5 minutes. */
export function wxLogin(wx: Pick<MiniProgramApi, 'login'>): Promise<string> {
  return new Promise((resolve, reject) =>
    wx.login({
      timeout: 10_000,
      success: (result) => (result.code ? resolve(result.code) : reject(new SignInError('wx.login returned no code'))),
      fail: (error) => reject(new SignInError(`wx.login failed: ${error?.errMsg ?? 'unknown error'}`)),
    }),
  );
}

/** Your codegen'd `login` mutation; it must select `token` and `expiresAt`. */
export type LoginDocument = TypedDocument<{ login: { token: string; expiresAt: unknown } }, { code: string; app?: string | null }>;

export const toEpochMs = (value: unknown): number | undefined => {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

export interface MiniProgramAuthOptions {
  wx: Pick<MiniProgramApi, 'login' | 'getStorageSync' | 'setStorageSync' | 'removeStorageSync'>;
  /** A client without auth, for the login call itself. */
  client: GatewayClient;
  login: LoginDocument;
  /** The gateway's app id for this mini program, when it serves several. */
  app?: string;
  storageKey?: string;
}

/**
 * Mini-program sign-in: wx.login() → `login(code)` → the session token in storage. A call that
 * answers UNAUTHENTICATED (the session ended) signs in once more and is sent once more;
 * concurrent calls share that one sign-in.
 */
export function miniProgramAuth(options: MiniProgramAuthOptions) {
  return sessionAuth({
    storage: wxStorage(options.wx, options.storageKey),
    async signIn() {
      const code = await wxLogin(options.wx);
      const { login } = await options.client.request(options.login, { code, app: options.app ?? null });
      return { token: login.token, expiresAt: toEpochMs(login.expiresAt) };
    },
  });
}

export interface MiniProgramClientOptions extends Omit<ClientOptions, 'transport' | 'auth'> {
  wx: MiniProgramApi;
  login: LoginDocument;
  app?: string;
  storageKey?: string;
}

/** Everything a mini program needs: wx.request transport, sign-in, and a client that uses both. */
export function createMiniProgramClient(options: MiniProgramClientOptions): GatewayClient & { auth: Authenticator & { signOut(): void } } {
  const { wx, login, app, storageKey, ...clientOptions } = options;
  const transport = wxTransport(wx);
  const anonymous = createClient({ ...clientOptions, transport });
  const auth = miniProgramAuth({ wx, client: anonymous, login, app, storageKey });
  return { ...createClient({ ...clientOptions, transport, auth }), auth };
}
