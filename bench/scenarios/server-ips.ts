import { defineScenario } from './scenario.ts';

const query = '{ wechatServerIps { apiDomain callback } }';

/** Two upstream reads per request (get_api_domain_ip + getcallbackip) once the access token is cached. */
export const serverIps = defineScenario({
  name: 'server-ips',
  description: 'wechatServerIps { apiDomain callback }, warm token cache: 2 upstream reads per request',
  query,
  async setup(ctx) {
    // The first request fetches the access token; the measured ones should not.
    await ctx.request({ query });
  },
});
