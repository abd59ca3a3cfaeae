// `npm run build`: the gateway as one ES module bundle in dist/ (esbuild), entry
// dist/server/main.js. One bundle instead of ~200 modules and their packages halves start-up
// and idle memory (bench/README.md). Type checking is `npm run typecheck` (tsc); this only emits.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Left to node_modules at run time:
// - native or worker-based packages (better-sqlite3's binary, pino's worker transports);
// - what only some runs load, on demand: OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT) and
//   GraphiQL's 9 MB of inlined assets (development only);
// - devDependencies: the development emulator needs them, and a production install
//   (`npm ci --omit=dev`) says so instead of carrying them.
const external = ['better-sqlite3', 'pino', '@opentelemetry/*', '@graphql-yoga/render-graphiql', ...Object.keys(pkg.devDependencies ?? {})];

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { 'server/main': 'src/server/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Bundled CommonJS packages call require(); ES modules have none, so give them Node's.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Smaller sources parse faster and weigh less in V8's heap. Identifiers are not renamed, so
  // stack traces stay readable; keepNames is off: it redefines `name` on every closure made,
  // which cost a fifth of the CPU per request.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
