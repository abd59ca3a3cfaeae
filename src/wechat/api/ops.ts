import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { parseBody } from '../parse.ts';

interface IpList {
  ip_list?: string[];
}

/** IPs (and CIDR blocks) WeChat's API domain resolves to; for outbound firewall rules. */
export async function getApiDomainIp(wx: AppClient, signal?: AbortSignal): Promise<string[]> {
  const body = await wx.json<IpList>({ endpoint: 'cgi-bin/get_api_domain_ip', method: 'GET', retry: 'read', signal });
  return body.ip_list ?? [];
}

/** IPs (and CIDR blocks) WeChat pushes from; for inbound webhook allowlists. */
export async function getCallbackIp(wx: AppClient, signal?: AbortSignal): Promise<string[]> {
  const body = await wx.json<IpList>({ endpoint: 'cgi-bin/getcallbackip', method: 'GET', retry: 'read', signal });
  return body.ip_list ?? [];
}

const quotaBody = z.object({
  quota: z.object({ daily_limit: z.coerce.number(), used: z.coerce.number(), remain: z.coerce.number() }),
  rate_limit: z.object({ call_count: z.coerce.number(), refresh_second: z.coerce.number() }).optional(),
});

export interface ApiQuota {
  dailyLimit: number;
  used: number;
  remain: number;
  rateLimit?: { callCount: number; refreshSeconds: number };
}

/** cgi-bin/openapi/quota/get: today's quota of one API path (e.g. "/cgi-bin/message/custom/send"). */
export async function getApiQuota(wx: AppClient, cgiPath: string, signal?: AbortSignal): Promise<ApiQuota> {
  const endpoint = 'cgi-bin/openapi/quota/get';
  const body = parseBody(endpoint, quotaBody, await wx.json({ endpoint, method: 'POST', json: { cgi_path: cgiPath }, retry: 'read', signal }));
  return {
    dailyLimit: body.quota.daily_limit,
    used: body.quota.used,
    remain: body.quota.remain,
    rateLimit: body.rate_limit && { callCount: body.rate_limit.call_count, refreshSeconds: body.rate_limit.refresh_second },
  };
}

const ridBody = z.object({
  request: z.object({
    invoke_time: z.coerce.number(),
    cost_in_ms: z.coerce.number(),
    request_url: z.string().default(''),
    request_body: z.string().default(''),
    response_body: z.string().default(''),
    client_ip: z.string().optional(),
  }),
});

export interface RequestInfo {
  invokedAt: Date;
  costMs: number;
  requestUrl: string;
  requestBody: string;
  responseBody: string;
  clientIp?: string;
}

/** Strips credentials WeChat may echo back in a logged request URL. */
const scrub = (url: string) => url.replace(/((?:access_token|secret|appsecret)=)[^&#\s"]*/gi, '$1[redacted]');

/** cgi-bin/openapi/rid/get: what WeChat recorded about a failed call, by the rid in its errmsg. */
export async function getRequestInfo(wx: AppClient, rid: string, signal?: AbortSignal): Promise<RequestInfo> {
  const endpoint = 'cgi-bin/openapi/rid/get';
  const { request } = parseBody(endpoint, ridBody, await wx.json({ endpoint, method: 'POST', json: { rid }, retry: 'read', signal }));
  return {
    invokedAt: new Date(request.invoke_time * 1000),
    costMs: request.cost_in_ms,
    requestUrl: scrub(request.request_url),
    requestBody: scrub(request.request_body),
    responseBody: request.response_body,
    clientIp: request.client_ip,
  };
}
