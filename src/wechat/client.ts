import type { AppConfig } from '../config/index.ts';
import { WeChatApiError } from './errors.ts';
import type { ImageResponse, WeChatHttp, WeChatRequest } from './http.ts';
import type { UpstreamLimits } from './limits.ts';
import type { TokenManager } from './token.ts';

/**
 * How a call authenticates: most carry `access_token`; code2Session carries appid + secret;
 * a few need nothing.
 */
export type Auth = 'token' | 'appSecret' | 'none';

export type AppCall = Omit<WeChatRequest, 'expect'> & { auth?: Auth };

/**
 * One app's view of WeChat: adds credentials, retries once on a token WeChat refused, and keeps
 * within WeChat's per-app limits (`limits`) for every caller.
 */
export interface AppClient {
  readonly app: AppConfig;
  json<T>(call: AppCall): Promise<T>;
  image(call: AppCall): Promise<ImageResponse>;
}

export function createAppClient(app: AppConfig, http: WeChatHttp, tokens: TokenManager, limits?: UpstreamLimits): AppClient {
  function send<T>(call: AppCall, expect: 'json' | 'image'): Promise<T> {
    return limits ? limits.within(call.endpoint, app.appid, () => authenticated<T>(call, expect)) : authenticated<T>(call, expect);
  }

  async function authenticated<T>(call: AppCall, expect: 'json' | 'image'): Promise<T> {
    const { auth = 'token', ...req } = call;
    const run = (query: WeChatRequest['query']) =>
      (expect === 'image' ? http.image({ ...req, query }) : http.json<T>({ ...req, query })) as Promise<T>;
    if (auth === 'none') return run(req.query);
    if (auth === 'appSecret') return run({ ...req.query, appid: app.appid, secret: app.secret });

    const token = await tokens.get(app, { signal: req.signal });
    try {
      return await run({ ...req.query, access_token: token });
    } catch (error) {
      // 40001 / 42001 / 40014: that token is dead. Replace only that one (another instance may
      // already hold a good one) and try once more; the refused call did not take effect.
      if (!(error instanceof WeChatApiError) || error.group !== 'token') throw error;
      const fresh = await tokens.get(app, { signal: req.signal, reject: token });
      return run({ ...req.query, access_token: fresh });
    }
  }
  return {
    app,
    json: <T>(call: AppCall) => send<T>(call, 'json'),
    image: (call: AppCall) => send<ImageResponse>(call, 'image'),
  };
}
