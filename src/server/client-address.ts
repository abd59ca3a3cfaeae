import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { Config } from '../config/index.ts';

/**
 * The caller's address for per-caller limits. Without TRUST_PROXY it is the socket's peer (a
 * load balancer's address, if there is one); with it, proxy-addr walks X-Forwarded-For back
 * through the trusted proxies only, so a client cannot pick its own bucket by sending the header.
 */
export function clientAddressOf(trust: Config['trustProxy']): (req: IncomingMessage) => string {
  if (!trust) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trusted = 'hops' in trust ? (_address: string, hop: number) => hop < trust.hops : proxyAddr.compile(trust.addresses);
  return (req) => {
    if (!req.socket.remoteAddress) return 'unknown';
    return proxyAddr(req, trusted);
  };
}
