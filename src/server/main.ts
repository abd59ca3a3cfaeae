import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { createGateway } from './gateway.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`wechat-graphql: configuration error: ${error.message}`);
  process.exit(1);
}

// Loaded only when used: a production process never carries the emulator.
const devTools = config.useEmulator ? await import('./dev.ts') : undefined;
const dev = devTools ? await devTools.withEmulator(config) : undefined;
const gateway = await createGateway(dev?.config ?? config, { graphiql: dev?.graphiql });
const url = await gateway.listen();

gateway.logger.info({ url, apps: gateway.services.config.apps.map((app) => app.id), store: gateway.services.store.kind }, 'gateway listening');
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
    gateway.logger.info({ signal }, 'shutting down');
    void gateway
      .close()
      .then(() => dev?.emulator.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          gateway.logger.error({ err: (error as Error).message }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
