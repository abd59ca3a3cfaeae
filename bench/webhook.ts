/**
 * Webhook benchmark: signed, encrypted pushes into `/wechat/:app` with one SSE subscriber
 * listening, as WeChat would send them. The GraphQL load harness (bench/run.ts) drives one
 * repeated operation, which a push cannot be (every push has its own nonce and MsgId), hence
 * this separate script.
 *
 *   npx tsx bench/webhook.ts --pushes 5000 --concurrency 50 [--copies 4] [--redis]
 *
 * `--copies 4` sends every push four times (WeChat's three retries): each must still be
 * published once. Prints pushes/s, answer latency p50/p99 and what the subscriber received.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { Agent, fetch as undiciFetch } from 'undici';
import { buildPushRequest, completeMessage, pushStamp } from '../src/emulator/push.ts';
import { emulatorApps } from '../src/server/dev.ts';
import { serializePushBody } from '../src/wechat/push.ts';
import { startGatewayUnderTest } from './lib/servers.ts';

const { values } = parseArgs({
  options: {
    pushes: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    copies: { type: 'string', default: '1' },
    redis: { type: 'boolean', default: false },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379/15' },
  },
});
const pushes = Number(values.pushes);
const concurrency = Number(values.concurrency);
const copies = Number(values.copies);

const gateway = await startGatewayUnderTest({ latencyMs: 0, redisUrl: values.redis ? values['redis-url'] : undefined, logLevel: 'silent' });
const base = gateway.graphqlUrl.replace(/\/graphql$/, '');
const app = emulatorApps()[0]!;
const target = { url: `${base}/wechat/${app.id}`, appid: app.appid, token: app.token!, encodingAesKey: app.encodingAesKey, mode: 'safe' as const, format: 'xml' as const };
const agent = new Agent({ connections: concurrency });

function request(content: string) {
  const message = completeMessage(app.appid, { MsgType: 'text', Content: content }, Date.now());
  return buildPushRequest(target, { plaintext: serializePushBody(message, 'xml'), toUserName: String(message.ToUserName) }, pushStamp(Date.now()));
}
async function send(req: ReturnType<typeof request>) {
  const response = await undiciFetch(req.url, { method: 'POST', headers: { 'content-type': req.contentType }, body: req.body, dispatcher: agent });
  const text = await response.text();
  if (response.status !== 200 || text !== 'success') throw new Error(`push answered ${response.status}: ${text}`);
}

// One subscriber, counting what it receives.
const received = new Map<string, number>();
const controller = new AbortController();
const sse = await fetch(gateway.graphqlUrl, {
  method: 'POST',
  headers: { ...gateway.headers({ query: '' }), accept: 'text/event-stream' },
  body: JSON.stringify({ query: 'subscription { wechatEvents(types: [TEXT]) { ... on TextMessageEvent { content } } }' }),
  signal: controller.signal,
});
void (async () => {
  let buffer = '';
  try {
    for await (const chunk of sse.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, cut))?.[1];
        buffer = buffer.slice(cut + 2);
        const content = data && (JSON.parse(data) as { data?: { wechatEvents?: { content?: string } } }).data?.wechatEvents?.content;
        if (content) received.set(content, (received.get(content) ?? 0) + 1);
      }
    }
  } catch {
    // aborted at the end
  }
})();
const waitFor = async (done: () => boolean, ms: number) => {
  const deadline = performance.now() + ms;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return done();
};
for (let i = 0; !received.has(`warm-up ${i - 1}`); i++) {
  await send(request(`warm-up ${i}`));
  if (await waitFor(() => received.has(`warm-up ${i}`), 100)) break;
}

const requests = Array.from({ length: pushes }, (_, i) => request(`push ${i}`));
const latencies: number[] = [];
const limit = pLimit(concurrency);
const started = performance.now();
await Promise.all(
  requests.flatMap((req) =>
    Array.from({ length: copies }, () =>
      limit(async () => {
        const t0 = performance.now();
        await send(req);
        latencies.push(performance.now() - t0);
      }),
    ),
  ),
);
const elapsed = (performance.now() - started) / 1000;
const complete = await waitFor(() => [...Array(pushes).keys()].every((i) => received.has(`push ${i}`)), 10_000);
controller.abort();
await gateway.close();
await agent.close();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
const counts = [...Array(pushes).keys()].map((i) => received.get(`push ${i}`) ?? 0);
console.log(`webhook: ${pushes} safe-mode XML pushes x${copies}, ${concurrency} concurrent, store ${gateway.store}`);
console.log(`  ${(latencies.length / elapsed).toFixed(0)} requests/s, answer latency p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
console.log(`  subscriber: ${counts.filter((c) => c === 1).length} published once, ${counts.filter((c) => c === 0).length} missing, ${counts.filter((c) => c > 1).length} more than once${complete ? '' : ' (gave up waiting)'}`);
