/**
 * Child process for the SQLite store's cross-process lock test: opens the store at argv[2],
 * tries lock argv[3], prints `locked` or `refused`, then holds it until stdin closes.
 */
import { createStore } from '../../src/store/store.ts';

const [path, name] = process.argv.slice(2);
const store = await createStore({ kind: 'sqlite', path: path!, prefix: 'wgql' });
const release = await store.tryLock(name!, 60_000);
process.stdout.write(release ? 'locked\n' : 'refused\n');
process.stdin.resume();
process.stdin.once('end', async () => {
  await release?.();
  await store.close();
  process.exit(0);
});
