import type { AppClient } from '../client.ts';

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
