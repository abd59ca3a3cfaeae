import { opsLedger } from '../ops-ledger.ts';
import { text, type RouteDef } from '../route.ts';
import { wechatError } from '../wechat-errors.ts';

// ip_list mixes single addresses and CIDR blocks (fixture cgi-bin/get_api_domain_ip.json).
const API_DOMAIN_IPS = ['101.89.47.18', '101.91.34.103', '101.226.103.0/25', '180.101.49.12'];
const CALLBACK_IPS = ['101.226.62.77', '101.226.62.78', '101.226.103.0/25', '183.3.234.0/24'];

/** Daily limits WeChat publishes for a few APIs; any other known path gets a generic one. */
const DAILY_LIMITS: Record<string, number> = {
  '/cgi-bin/message/custom/send': 500_000,
  '/cgi-bin/user/info': 5_000_000,
  '/cgi-bin/user/get': 1_000,
  '/wxa/msg_sec_check': 2_000_000,
};
const DEFAULT_DAILY_LIMIT = 10_000_000;

/** Operations: WeChat's server IP lists, API quota and request-id lookup. */
export const opsRoutes: RouteDef[] = [
  { path: 'cgi-bin/get_api_domain_ip', auth: 'access_token', handle: () => ({ ip_list: API_DOMAIN_IPS }) },
  { path: 'cgi-bin/getcallbackip', auth: 'access_token', handle: () => ({ ip_list: CALLBACK_IPS }) },
  {
    path: 'cgi-bin/openapi/quota/get',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state }) {
      const cgiPath = text(json.cgi_path);
      if (!cgiPath) return wechatError('dataFormat');
      if (!/^\/(cgi-bin|wxa|wxaapi|sns|datacube)\//.test(cgiPath)) return wechatError('cgiPathNotFound');
      const dailyLimit = DAILY_LIMITS[cgiPath] ?? DEFAULT_DAILY_LIMIT;
      const used = opsLedger(state).used(cgiPath.slice(1));
      return {
        errcode: 0,
        errmsg: 'ok',
        quota: { daily_limit: dailyLimit, used, remain: Math.max(0, dailyLimit - used) },
        rate_limit: { call_count: 5_000, refresh_second: 60 },
      };
    },
  },
  {
    path: 'cgi-bin/openapi/rid/get',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state }) {
      const rid = text(json.rid);
      if (!rid) return wechatError('dataFormat');
      const found = opsLedger(state).lookup(rid);
      if (!found) return wechatError('ridNotFound');
      return {
        errcode: 0,
        errmsg: 'ok',
        request: {
          invoke_time: found.invokeTime,
          cost_in_ms: found.costMs,
          request_url: found.requestUrl,
          request_body: '',
          response_body: found.responseBody,
          client_ip: '127.0.0.1',
        },
      };
    },
  },
];
