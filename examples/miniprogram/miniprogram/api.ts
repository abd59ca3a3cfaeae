import { createMiniProgramClient, type MiniProgramApi } from '@wechat-graphql/client';
import { LoginDocument } from './gql/graphql';

/** The gateway; add its domain to the mini program's request legal domains (request合法域名). */
export const GATEWAY_URL = 'https://gateway.example.com/graphql';

/**
 * One client for the whole mini program: wx.request, wx.login → login(code) on first use, the
 * token in wx storage, one re-login when a session ends, persisted operations only.
 */
export function createApi(runtime: MiniProgramApi, url: string = GATEWAY_URL) {
  return createMiniProgramClient({ wx: runtime, url, login: LoginDocument, persistedOperations: true });
}
