import { z } from 'zod';
import { readEmulatorEnv, type EmulatorEnv } from './env.ts';
import { DEV_APPS, startEmulator } from './server.ts';

let env: EmulatorEnv;
try {
  env = readEmulatorEnv();
} catch (error) {
  console.error(`emulator: invalid environment\n${error instanceof z.ZodError ? z.prettifyError(error) : String(error)}`);
  process.exit(1);
}

const emulator = await startEmulator({ ...env, apps: DEV_APPS, log: (line) => console.log(line) });

console.log(`WeChat API emulator listening at ${emulator.url}`);
for (const app of emulator.apps) console.log(`  ${app.kind.padEnd(15)} appid ${app.appid}`);
console.log(`Point the gateway at it with WECHAT_API_BASE=${emulator.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
