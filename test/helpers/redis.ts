import { createConnection } from 'node:net';
import { randomBytes } from 'node:crypto';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Whether Redis tests run here. With REQUIRE_REDIS=1 (CI) a missing Redis fails the run
 * instead of skipping the tests.
 */
export async function redisAvailable(): Promise<boolean> {
  const ok = await reachable(REDIS_URL);
  if (!ok && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis does not answer at ${REDIS_URL}`);
  return ok;
}

/** A fresh key prefix so test files sharing one Redis never see each other's state. */
export const uniquePrefix = () => `wgql-test-${randomBytes(6).toString('hex')}`;
