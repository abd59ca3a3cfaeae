/**
 * The built gateway measured from outside, as production runs it: `node dist/server/main.js`
 * (NODE_ENV=production, info logs on stdout, per-key rate limit on) and a bare graphql-yoga
 * baseline, each a process of its own, driven alternately by autocannon from this process.
 * Reports start-up to the first /healthz 200, idle RSS, req/s of `{ apps { id kind } }` against
 * the baseline's `{ hello }` (median of the rounds), and the upstream calls of users(1000).
 *
 *   npm run build && npx tsx bench/production.ts --duration 10 --rounds 3
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppUsers } from '../src/emulator/users-state.ts';
import { DEV_APPS, startEmulator } from '../src/emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../src/graphql/principal.ts';
import { measure, type Figures } from './lib/load.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const ENTRY = 'dist/server/main.js';
// Node's flags exactly as `npm start` passes them (package.json), so the figures are production's.
const startScript = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
const NODE_FLAGS = startScript.split(/\s+/).filter((word) => word.startsWith('--'));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'log-level': { type: 'string', default: 'info' },
  },
});
const durationS = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
if (!existsSync(new URL(`../${ENTRY}`, import.meta.url))) {
  console.error(`no ${ENTRY}: run npm run build first`);
  process.exit(2);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const children: ChildProcess[] = [];
function launch(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (text === null) return;
      text += chunk;
      const match = ready.exec(text);
      if (match) resolve({ child, url: match[1]! });
      // Keep draining (the gateway logs a line per request) but stop keeping it.
      if (text.length > 1_000_000) text = text.slice(-1000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${text.slice(-2000)}`)));
  });
}

const emulator = await startEmulator({ apps: DEV_APPS });
const apiKey = `${API_KEY_PREFIX}bench_${randomBytes(18).toString('base64url')}`;
const oa = DEV_APPS.find((app) => app.kind === 'officialAccount')!;
const gatewayEnv = {
  NODE_ENV: 'production',
  LOG_LEVEL: values['log-level']!,
  HOST: '127.0.0.1',
  PORT: '0',
  WECHAT_API_BASE: emulator.url,
  WECHAT_CONFIG: '',
  WECHAT_APP_NAME: 'officialAccount',
  WECHAT_APP_KIND: 'officialAccount',
  WECHAT_APP_ID: oa.appid,
  WECHAT_APP_SECRET: oa.secret,
  API_KEYS: JSON.stringify([{ name: 'bench', sha256: hashApiKey(apiKey), scopes: ['admin'] }]),
  // On, as in production, but high enough never to refuse the load.
  RATE_LIMIT_API_KEY_PER_MINUTE: '100000000',
};

async function startGateway(): Promise<{ child: ChildProcess; url: string; startupMs: number }> {
  const started = performance.now();
  const { child, url } = await launch([...NODE_FLAGS, ENTRY], gatewayEnv, /"url":"(http:\/\/[^"]+)"/);
  // The log line is written once listening; poll /healthz to measure what a probe sees.
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { child, url, startupMs: performance.now() - started };
    await sleep(2);
  }
}

const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
};

try {
  // Start-up and idle memory: a fresh process each time, idle for 2 s after its first /healthz.
  const startups: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const gateway = await startGateway();
    startups.push(gateway.startupMs);
    await sleep(2_000);
    idle.push(rssMb(gateway.child.pid!));
    await stop(gateway.child);
  }

  const gateway = await startGateway();
  const baseline = await launch(['bench/lib/baseline-server.mjs'], {}, /listening at (http:\/\/\S+)/);
  const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const settings = { durationS, connections, workers: 0 };
  const base: Figures[] = [];
  const apps: Figures[] = [];
  // Warm both up (JIT, token), then alternate so both see the same machine load.
  await measure({ name: 'warm-up', url: `${baseline.url}/graphql`, operation: { query: '{ hello }' }, headers }, { ...settings, durationS: 2 });
  await measure({ name: 'warm-up', url: `${gateway.url}/graphql`, operation: { query: '{ apps { id kind } }' }, headers }, { ...settings, durationS: 2 });
  for (let i = 0; i < rounds; i++) {
    base.push(await measure({ name: 'baseline', url: `${baseline.url}/graphql`, operation: { query: '{ hello }' }, headers }, settings));
    apps.push(await measure({ name: 'apps', url: `${gateway.url}/graphql`, operation: { query: '{ apps { id kind } }' }, headers }, settings));
  }
  const loadedRss = rssMb(gateway.child.pid!);

  // users(1000): the DataLoader batches into batchget calls of 100.
  const openids = new AppUsers(oa.appid).followersAfter(-1, 1_000);
  const usersQuery = { query: 'query ($openids: [String!]!) { users(openids: $openids) { openid nickname } }', variables: { openids } };
  const post = (body: unknown) => fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
  await post({ query: '{ followers(first: 1) { totalCount } }' });
  const before = emulator.calls();
  const users = await post(usersQuery);
  const after = emulator.calls();
  const upstream = Object.entries(after).reduce((sum, [path, n]) => sum + n - (before[path] ?? 0), 0);

  const ratios = apps.map((row, i) => row.rps / base[i]!.rps);
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  console.log(`node ${process.version}, ${durationS} s x ${rounds} rounds, ${connections} connections, load generated in this process; gateway \`node ${[...NODE_FLAGS, ENTRY].join(' ')}\`, LOG_LEVEL=${gatewayEnv.LOG_LEVEL}`);
  console.log(`start-up to first /healthz 200 (ms): ${startups.map((n) => fmt(n)).join(', ')}  median ${fmt(median(startups))}`);
  console.log(`idle RSS (MB): ${idle.map((n) => fmt(n, 1)).join(', ')}  median ${fmt(median(idle), 1)}; after load ${fmt(loadedRss, 1)}`);
  console.log(`baseline { hello } req/s: ${base.map((r) => fmt(r.rps)).join(', ')}  median ${fmt(median(base.map((r) => r.rps)))}`);
  console.log(`apps { id kind } req/s:   ${apps.map((r) => fmt(r.rps)).join(', ')}  median ${fmt(median(apps.map((r) => r.rps)))}`);
  console.log(`apps / baseline per round: ${ratios.map((n) => fmt(n, 3)).join(', ')}  median ${fmt(median(ratios), 3)}`);
  console.log(`errors: apps non-2xx ${apps.reduce((s, r) => s + r.non2xx, 0)}, gql ${apps.reduce((s, r) => s + r.graphqlErrors, 0)}`);
  console.log(`users(1000): ${users.errors ? `errors ${JSON.stringify(users.errors).slice(0, 200)}` : 'ok'}, upstream calls ${upstream}`);
  await stop(baseline.child);
  await stop(gateway.child);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await emulator.close();
}
