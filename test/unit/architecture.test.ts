import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md, checked by reading the source: server -> graphql -> services -> wechat / store.
const SRC = resolve(import.meta.dirname, '../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|mts|js)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative module a file imports or re-exports (static or dynamic), as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => relative(SRC, resolve(dirname(file), specifier)));
}

/** `file imports target` for each file under `layer` importing anything under one of `forbidden`. */
function offenders(layer: string, forbidden: string[]): string[] {
  return filesUnder(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((dir) => target === dir || target.startsWith(`${dir}/`)))
      .map((target) => `${relative(SRC, file)} imports ${target}`),
  );
}

describe('import rules', () => {
  it('reads imports at all (the check below is not vacuous)', () => {
    expect(importsOf(join(SRC, 'server/gateway.ts'))).toEqual(expect.arrayContaining(['graphql/context.ts', 'wechat/client.ts', 'store/index.ts']));
  });

  it('store knows no WeChat, GraphQL or services', () => {
    expect(offenders('store', ['wechat', 'graphql', 'services', 'server'])).toEqual([]);
  });

  it('wechat knows no GraphQL, services or server', () => {
    expect(offenders('wechat', ['graphql', 'services', 'server'])).toEqual([]);
  });

  it('services know no GraphQL or server', () => {
    expect(offenders('services', ['graphql', 'server'])).toEqual([]);
  });

  it('shared helpers (src/lib) depend on no layer', () => {
    expect(offenders('lib', ['wechat', 'graphql', 'services', 'server', 'store', 'emulator'])).toEqual([]);
  });

  // The emulator has its own crypto, push bodies and China time (src/emulator/push-wire.ts, china-time.ts).
  it('emulator shares nothing with the client: no import of wechat or graphql', () => {
    expect(offenders('emulator', ['wechat', 'graphql', 'services', 'server'])).toEqual([]);
  });

  // Shared object refs, enums and args live in one module; a domain module implements its own refs.
  it('graphql type modules import no sibling but the shared refs module', () => {
    const types = join(SRC, 'graphql/types');
    const found = filesUnder(types).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('graphql/types/') && target !== 'graphql/types/refs.ts')
        .map((target) => `${relative(SRC, file)} imports ${target}`),
    );
    expect(found).toEqual([]);
    expect(importsOf(join(types, 'refs.ts')).filter((target) => target.startsWith('graphql/types/'))).toEqual([]);
  });

  // Constant lookup Sets at module level are tables, not state; a module-level Map or any WeakMap is state.
  it('no WeakMap or module-level Map caches state in graphql, services, wechat, store or server', () => {
    const found = ['graphql', 'services', 'wechat', 'store', 'server'].flatMap((layer) =>
      filesUnder(join(SRC, layer)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (/\bnew\s+WeakMap\b/.test(line) || /^(?:export\s+)?(?:const|let)\s+\w+\s*(?::[^=]+)?=\s*new\s+Map\b/.test(line) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
      ),
    );
    expect(found).toEqual([]);
  });
});
