import type { RouteDef } from '../route.ts';

// ip_list mixes single addresses and CIDR blocks (fixture cgi-bin/get_api_domain_ip.json).
const API_DOMAIN_IPS = ['101.89.47.18', '101.91.34.103', '101.226.103.0/25', '180.101.49.12'];
const CALLBACK_IPS = ['101.226.62.77', '101.226.62.78', '101.226.103.0/25', '183.3.234.0/24'];

/** Operations: WeChat's server IP lists. */
export const opsRoutes: RouteDef[] = [
  { path: 'cgi-bin/get_api_domain_ip', auth: 'access_token', handle: () => ({ ip_list: API_DOMAIN_IPS }) },
  { path: 'cgi-bin/getcallbackip', auth: 'access_token', handle: () => ({ ip_list: CALLBACK_IPS }) },
];
