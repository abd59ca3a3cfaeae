import { loadConfig } from '../../src/config/index.ts';
import type { Emulator } from '../../src/emulator/server.ts';
import { connectEmulatorPush, withEmulator } from '../../src/server/dev.ts';
import { createGateway, type Gateway } from '../../src/server/gateway.ts';
import type { GraphiQLOptions } from '../../src/server/graphiql.ts';
import { createLogger } from '../../src/server/logger.ts';

export interface DevStack {
  url: string;
  apiKey: string;
  emulator: Emulator;
  gateway: Gateway;
  graphiql: GraphiQLOptions;
  close(): Promise<void>;
}

/** What `npm start` builds with no configuration (src/server/main.ts), in-process, on free ports. */
export async function startDevStack(env: Record<string, string> = {}): Promise<DevStack> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env });
  const emulatorPort = process.env.EMULATOR_PORT;
  process.env.EMULATOR_PORT = '0';
  const dev = await withEmulator(config).finally(() => {
    if (emulatorPort === undefined) delete process.env.EMULATOR_PORT;
    else process.env.EMULATOR_PORT = emulatorPort;
  });
  const gateway = await createGateway(dev.config, { graphiql: dev.graphiql, logger: createLogger('silent') });
  const url = await gateway.listen(0, '127.0.0.1');
  await connectEmulatorPush(dev.emulator, url, dev.config.apps);
  return {
    url,
    apiKey: dev.apiKey,
    emulator: dev.emulator,
    gateway,
    graphiql: dev.graphiql,
    async close() {
      await gateway.close();
      await dev.emulator.close();
    },
  };
}
