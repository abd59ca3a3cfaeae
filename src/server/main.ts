import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { createGateway, type Gateway } from './gateway.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`wechat-graphql: configuration error: ${error.message}`);
  process.exit(1);
}

/** One line for the problems an operator fixes in the environment, instead of a stack trace. */
function startFailure(error: unknown, variable: 'PORT' | 'EMULATOR_PORT'): never {
  const { code, port } = error as NodeJS.ErrnoException & { port?: number };
  if (code === 'EADDRINUSE') console.error(`wechat-graphql: ${variable} ${port} is already in use; stop what holds it or set ${variable} to a free port`);
  else if (code === 'EACCES') console.error(`wechat-graphql: ${variable} ${port} needs privileges this process does not have; pick a port above 1023`);
  else if (code === 'ERR_MODULE_NOT_FOUND' && variable === 'EMULATOR_PORT')
    console.error('wechat-graphql: the development emulator needs the devDependencies (run `npm install`), or configure a WeChat app (WECHAT_APP_ID, WECHAT_APP_SECRET)');
  else throw error;
  process.exit(1);
}

// Loaded only when configured: without OTEL_EXPORTER_OTLP_ENDPOINT the SDK is never imported.
const tracing = config.otlpEndpoint ? (await import('./tracing.ts')).startTracing() : undefined;

// Loaded only when used: a production process never carries the emulator.
let dev: Awaited<ReturnType<typeof import('./dev.ts').withEmulator>> | undefined;
let devTools: typeof import('./dev.ts') | undefined;
if (config.useEmulator) {
  try {
    devTools = await import('./dev.ts');
    dev = await devTools.withEmulator(config);
  } catch (error) {
    startFailure(error, 'EMULATOR_PORT');
  }
}
const gateway: Gateway = await createGateway(dev?.config ?? config, { tracing, graphiql: dev?.graphiql });
let url: string;
try {
  url = await gateway.listen();
} catch (error) {
  startFailure(error, 'PORT');
}

gateway.logger.info({ url, apps: gateway.services.config.apps.map((app) => app.id), store: gateway.services.store.kind }, 'gateway listening');
if (config.env === 'production') {
  if (config.apiKeys.length === 0)
    gateway.logger.warn('no API key configured (API_KEYS or apiKeys in WECHAT_CONFIG): backends cannot call, only signed-in mini-program users');
  if (gateway.services.store.kind === 'memory')
    gateway.logger.warn('state is in process memory: tokens, sessions, idempotency records and QR ledgers are lost on restart and not shared between instances');
}
if (dev && devTools) {
  await devTools.connectEmulatorPush(dev.emulator, url, dev.config.apps);
  console.log(`
  wechat-graphql is running on the built-in WeChat emulator (no WECHAT_APP_ID set).

    GraphiQL         ${url}/graphql
    API key (dev)    ${dev.apiKey}     send it as the x-api-key header
    Emulator         ${dev.emulator.url}  (admin: ${dev.emulator.url}/__emulator/calls)
    Live events      the LiveEvents tab in GraphiQL (every app's pushes), then
                     curl -X POST ${dev.emulator.url}/__emulator/push -H 'content-type: application/json' -d '{"appid":"${dev.config.apps[0]?.appid}","event":{"MsgType":"text","Content":"hello"}}'
`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    gateway.logger.info({ signal, shutdownTimeoutMs: config.shutdownTimeoutMs }, 'shutting down: not ready, finishing requests in flight');
    void gateway
      .close()
      .then(() => dev?.emulator.close())
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          gateway.logger.error({ err: (error as Error).message }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
