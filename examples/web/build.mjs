// Bundles the page with the client package as a frontend project would (esbuild; vite works the same).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const here = new URL('.', import.meta.url);
const out = new URL('dist/', here);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('src/main.ts', here).pathname],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  outfile: new URL('main.js', out).pathname,
  logLevel: 'warning',
});
await copyFile(new URL('index.html', here), new URL('index.html', out));
