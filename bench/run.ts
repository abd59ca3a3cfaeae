/**
 * Load benchmark: the gateway in front of the in-process WeChat emulator, against a bare
 * graphql-yoga baseline, driven by autocannon over loopback. See bench/README.md.
 *
 *   npm run bench -- --scenario server-ips --duration 5
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { LoadInterrupted, measure, stopLoad, type Figures, type LoadSettings } from './lib/load.ts';
import { renderRun, type RunReport } from './lib/report.ts';
import { BASELINE_OPERATION, startBaseline, startGatewayUnderTest, type GatewayUnderTest, type GraphQLTarget } from './lib/servers.ts';
import { scenarios, type BenchContext, type Operation, type Variant } from './scenarios/index.ts';
import type { BenchOptions } from './scenarios/scenario.ts';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const USAGE = `usage: tsx bench/run.ts [options]

  --scenario <name>     scenario to run, or a comma-separated list (default: all)
  --duration <s>        seconds of load per target (default 10)
  --connections <n>     concurrent connections (default 50)
  --latency <ms>        latency the emulator adds to every WeChat call (default 20)
  --workers <n>         autocannon worker threads; 0 = load generated on the servers' thread (default 1)
  --redis               run the gateway with REDIS_URL (shared state in Redis)
  --redis-url <url>     the Redis for --redis, implies it (default ${DEFAULT_REDIS_URL})
  --json <file>         also write the figures as JSON
  --log <level>         gateway log level on stderr, to diagnose errors (default silent)
  --list                list the scenarios and exit
  -h, --help            this text

scenarios: ${scenarios.map((s) => s.name).join(', ')}`;

class UsageError extends Error {}

function number(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name}: expected an integer >= ${min}, got "${raw}"`);
  return value;
}

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string', default: 'all' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      latency: { type: 'string', default: '20' },
      workers: { type: 'string', default: '1' },
      redis: { type: 'boolean', default: false },
      'redis-url': { type: 'string' },
      json: { type: 'string' },
      log: { type: 'string', default: 'silent' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const wanted = values.scenario === 'all' ? scenarios.map((s) => s.name) : values.scenario.split(',').map((s) => s.trim());
  const selected = wanted.map((name) => {
    const scenario = scenarios.find((s) => s.name === name);
    if (!scenario) throw new UsageError(`--scenario: unknown "${name}" (known: ${scenarios.map((s) => s.name).join(', ')})`);
    return scenario;
  });
  const options: BenchOptions = {
    durationS: number('duration', values.duration, 1),
    connections: number('connections', values.connections, 1),
    latencyMs: number('latency', values.latency, 0),
    workers: number('workers', values.workers, 0),
    redisUrl: values.redis || values['redis-url'] ? (values['redis-url'] ?? DEFAULT_REDIS_URL) : undefined,
  };
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(values.log)) throw new UsageError(`--log: one of ${levels.join(', ')}`);
  return { options, selected, json: values.json, log: values.log, list: values.list, help: values.help };
}

/** One request outside the load, for setup hooks; throws on HTTP or GraphQL errors. */
async function send(target: GraphQLTarget, operation: Operation): Promise<{ status: number; body: unknown }> {
  const response = await fetch(target.graphqlUrl, {
    method: 'POST',
    headers: target.headers(operation),
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the raw text for the message
  }
  return { status: response.status, body };
}

function firstError(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 200);
  const errors = (body as { errors?: { message?: string; extensions?: { code?: string } }[] } | null)?.errors;
  const error = errors?.[0];
  return error ? `${error.message ?? '?'}${error.extensions?.code ? ` (${error.extensions.code})` : ''}` : undefined;
}

function contextFor(gateway: GatewayUnderTest, options: BenchOptions): BenchContext {
  return {
    emulator: gateway.emulator,
    graphqlUrl: gateway.graphqlUrl,
    apiKey: gateway.apiKey,
    options,
    clearStore: (namespace) => gateway.clearStore(namespace),
    async request(operation) {
      const { status, body } = await send(gateway, operation);
      const error = firstError(body);
      if (status < 200 || status >= 300 || error) throw new Error(`setup request failed: HTTP ${status}${error ? `: ${error}` : ''}`);
      return (body as { data?: unknown }).data;
    },
  };
}

async function runVariant(gateway: GatewayUnderTest, variant: Variant, ctx: BenchContext, settings: LoadSettings): Promise<Figures> {
  await variant.setup?.(ctx);
  const figures = await measure(
    {
      name: variant.name,
      url: gateway.graphqlUrl,
      operation: variant,
      headers: gateway.headers(variant),
      upstreamCalls: () => gateway.emulator.calls(),
    },
    settings,
  );
  if (figures.non2xx > 0 || figures.graphqlErrors > 0) {
    // Show what the failures look like: one more request, outside the measurement.
    const sample = await send(gateway, variant).catch((error: Error) => ({ status: 0, body: error.message }));
    console.error(`${variant.name}: sample response HTTP ${sample.status}: ${firstError(sample.body) ?? 'no errors'}`);
  }
  return figures;
}

async function main(): Promise<number> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  if (cli.list) {
    for (const s of scenarios) console.log(`${s.name.padEnd(24)} ${s.description}${s.compare ? ` (compare: ${s.compare.name})` : ''}`);
    return 0;
  }
  const { options, selected } = cli;
  const settings: LoadSettings = { durationS: options.durationS, connections: options.connections, workers: options.workers };

  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130); // second Ctrl-C: do not wait for the shutdown
    interrupted = true;
    console.error('interrupted: stopping the load and shutting down (Ctrl-C again to quit at once)');
    stopLoad();
  };
  process.on('SIGINT', onSigint);

  const closers: (() => Promise<void>)[] = [];
  try {
    const baselineServer = await startBaseline();
    closers.push(() => baselineServer.close());
    const gateway = await startGatewayUnderTest({ latencyMs: options.latencyMs, redisUrl: options.redisUrl, logLevel: cli.log });
    closers.push(() => gateway.close());

    const settingsLine =
      `${options.durationS} s per target, ${options.connections} connections, ` +
      `${options.workers === 0 ? 'load on the servers\u2019 thread' : `${options.workers} load worker${options.workers > 1 ? 's' : ''}`}, ` +
      `emulator latency ${options.latencyMs} ms, store ${gateway.store}; baseline = bare yoga { hello }, measured once`;

    await send(baselineServer, BASELINE_OPERATION);
    const baseline = await measure(
      { name: 'baseline', url: baselineServer.graphqlUrl, operation: BASELINE_OPERATION, headers: baselineServer.headers(BASELINE_OPERATION) },
      settings,
    );

    const ctx = contextFor(gateway, options);
    const runs: RunReport[] = [];
    for (const scenario of selected) {
      const rows = [await runVariant(gateway, scenario, ctx, settings)];
      if (scenario.compare) rows.push(await runVariant(gateway, scenario.compare, ctx, settings));
      const run: RunReport = {
        scenario: scenario.name,
        description: scenario.description,
        rows,
        vsBaseline: Object.fromEntries(rows.map((row) => [row.name, baseline.rps > 0 ? row.rps / baseline.rps : 0])),
        ...(rows[1] && rows[0]!.rps > 0 ? { compareVsScenario: rows[1].rps / rows[0]!.rps } : {}),
      };
      runs.push(run);
      console.log(`\n${renderRun(run, baseline, settingsLine)}\n`);
    }

    if (cli.json) {
      const report = {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        options: { ...options, redisUrl: options.redisUrl ? 'set' : undefined },
        store: gateway.store,
        baseline,
        runs,
      };
      await writeFile(cli.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`figures written to ${cli.json}`);
    }
    return 0;
  } catch (error) {
    // Ctrl-C: the run in progress is dropped and nothing is written.
    if (error instanceof LoadInterrupted) return 130;
    throw error;
  } finally {
    for (const close of closers.reverse()) await close().catch((error: Error) => console.error(`close: ${error.message}`));
    process.off('SIGINT', onSigint);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything should have stopped by now; if a handle lingers, say which instead of hanging.
    setTimeout(() => {
      console.error('bench: handles still open after shutdown:', process.getActiveResourcesInfo().join(', '));
      process.exit(code || 1);
    }, 5_000).unref();
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
