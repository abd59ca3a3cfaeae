import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The client package stands alone: strict types, its own build, a tarball with no server dependency. */
const root = new URL('../../', import.meta.url).pathname;
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'client-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// tsc runs take a while on a shared machine.
describe('@wechat-graphql/client as a package', { timeout: 240_000 }, () => {
  it('type-checks with strict, without Node or server types, and so does the web example', () => {
    const config = JSON.parse(readFileSync(join(root, 'client/tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({ strict: true, types: [] });
    execFileSync(process.execPath, [tsc, '-p', 'client/tsconfig.json', '--noEmit'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, [tsc, '-p', 'examples/web/tsconfig.json'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, [tsc, '-p', 'examples/miniprogram/tsconfig.json'], { cwd: root, stdio: 'pipe' });
  });

  it('builds alone and packs into a tarball with no runtime dependency that loads outside the repository', () => {
    // A copy outside the repository: no node_modules anywhere above it, so the build can use nothing of the server's.
    const copy = join(work, 'client');
    for (const entry of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'src']) cpSync(join(root, 'client', entry), join(copy, entry), { recursive: true });
    execFileSync(process.execPath, [tsc, '-p', join(copy, 'tsconfig.build.json')], { cwd: copy, stdio: 'pipe' });
    const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim()
      .split('\n')
      .pop()!;
    execFileSync('tar', ['-xzf', join(work, out), '-C', work]);
    const manifest = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
    const files = execFileSync('tar', ['-tzf', join(work, out)]).toString().split('\n').filter(Boolean);
    expect(files.every((file) => file === 'package/package.json' || file.startsWith('package/dist/') || file === 'package/README.md')).toBe(true);
    // No node_modules above a temp dir: the package must load with nothing but itself.
    writeFileSync(join(work, 'probe.mjs'), "const m = await import('./package/dist/index.js'); console.log(Object.keys(m).sort().join(','));");
    const exported = execFileSync(process.execPath, [join(work, 'probe.mjs')], { cwd: work }).toString();
    expect(exported).toContain('createMiniProgramClient');
    expect(exported).toContain('createWebClient');
    expect(exported).toContain('GatewayError');
  });
});
