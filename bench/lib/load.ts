import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Operation } from '../scenarios/scenario.ts';

const VERIFY_BODY = fileURLToPath(new URL('./graphql-errors.cjs', import.meta.url));
const RSS_SAMPLE_MS = 100;
const MB = 1024 * 1024;

export interface LoadSettings {
  durationS: number;
  connections: number;
  /** autocannon worker threads generating the load; 0 = on this thread, beside the servers. */
  workers: number;
}

export interface Figures {
  /** Row label: the scenario, its compare variant or `baseline`. */
  name: string;
  requests: number;
  durationS: number;
  /** Completed requests / duration. */
  rps: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  graphqlErrors: number;
  /** Connection errors and timeouts seen by autocannon. */
  connectionErrors: number;
  /** Emulator calls made during the run, by path; null where there is no upstream (baseline). */
  upstreamCalls: Record<string, number> | null;
  upstreamPerRequest: number | null;
  peakRssMb: number;
}

/** Peak resident set size of this process, sampled every 100 ms while the load runs. */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / MB;
  };
}

function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, count] of Object.entries(after)) {
    const diff = count - (before[path] ?? 0);
    if (diff > 0) out[path] = diff;
  }
  return out;
}

export interface LoadTarget {
  name: string;
  url: string;
  operation: Operation;
  headers: Record<string, string>;
  /** Upstream call counter (the emulator's), read before and after the run. */
  upstreamCalls?: () => Record<string, number>;
}

/** Thrown by `measure` when the load was stopped early (Ctrl-C): its figures are incomplete. */
export class LoadInterrupted extends Error {
  override name = 'LoadInterrupted';
}

/** The running autocannon instance, so Ctrl-C can stop it early. */
let current: { instance: autocannon.Instance; interrupt(): void } | undefined;
let stopped = false;

/**
 * Stops the running load and refuses any further one. In worker mode autocannon never reports
 * a result after `stop()` (the worker closes its port first), so the pending `measure` is rejected here.
 */
export function stopLoad(): void {
  stopped = true;
  current?.instance.stop();
  current?.interrupt();
}

/** Drives one target with autocannon for a bounded duration and returns its figures. */
export async function measure(target: LoadTarget, settings: LoadSettings): Promise<Figures> {
  const url = new URL(target.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.hostname !== '[::1]')
    throw new Error(`refusing to send load to ${url.hostname}: loopback only`);
  if (stopped) throw new LoadInterrupted(`${target.name}: not started, the bench is stopping`);
  const before = target.upstreamCalls?.() ?? {};
  const stopRss = sampleRss();
  let peakRssMb = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: JSON.stringify({ query: target.operation.query, variables: target.operation.variables }),
        duration: settings.durationS,
        connections: settings.connections,
        ...(settings.workers > 0 ? { workers: settings.workers } : {}),
        // A path, not a function: autocannon's worker threads require it.
        verifyBody: VERIFY_BODY as unknown as autocannon.Options['verifyBody'],
      },
      (error, res) => (error ? reject(error as Error) : resolve(res)),
    );
    // Worker-mode failures arrive only as 'error' events, never through the callback.
    instance.on('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
    current = { instance, interrupt: () => reject(new LoadInterrupted(`${target.name}: load stopped early`)) };
  }).finally(() => {
    current = undefined;
    peakRssMb = stopRss();
  });
  const calls = target.upstreamCalls ? delta(target.upstreamCalls(), before) : null;
  const requests = result.requests.total;
  const totalCalls = calls ? Object.values(calls).reduce((sum, n) => sum + n, 0) : 0;
  return {
    name: target.name,
    requests,
    durationS: result.duration,
    rps: result.duration > 0 ? requests / result.duration : 0,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
    connectionErrors: result.errors,
    upstreamCalls: calls,
    upstreamPerRequest: calls && requests > 0 ? totalCalls / requests : null,
    peakRssMb,
  };
}
