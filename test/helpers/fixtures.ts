import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The one way tests reach `../shared/fixtures/wechat/` (real WeChat bodies, kept outside the
 * project and never copied into it). FIXTURES_DIR overrides the location.
 *
 * When the folder is absent, tests declared with `describeFixtures` are skipped with a message
 * naming the folder, unless REQUIRE_FIXTURES=1 (CI), when loading them fails instead.
 */
const DIR = process.env.FIXTURES_DIR
  ? new URL(`file://${process.env.FIXTURES_DIR.replace(/\/?$/, '/')}`)
  : new URL('../../../shared/fixtures/wechat/', import.meta.url);

export const fixturesDir = fileURLToPath(DIR);
export const fixturesPresent = existsSync(DIR);

if (!fixturesPresent) {
  const message = `WeChat fixtures not found at ${fixturesDir} (set FIXTURES_DIR to their folder)`;
  if (process.env.REQUIRE_FIXTURES === '1') throw new Error(`REQUIRE_FIXTURES=1: ${message}`);
  console.warn(`${message}: tests that need them are skipped`);
}

const SKIPPED = `needs the WeChat fixtures (${fixturesDir})`;

/**
 * `describe` when the fixtures are there. Otherwise the suite is skipped without running its
 * body (vitest runs a skipped suite's body to collect it, and bodies read fixtures).
 */
export const describeFixtures: typeof describe = (
  fixturesPresent ? describe : (name: Parameters<typeof describe>[0]) => describe.skip(name, () => it.skip(SKIPPED, () => {}))
) as typeof describe;

/** `it` when the fixtures are there, `it.skip` otherwise (its body is not run). */
export const itFixtures: typeof it = (fixturesPresent ? it : it.skip) as typeof it;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A fixture file's text, by its path under `fixtures/wechat/` (e.g. `push/xml/text.json`). */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, DIR), 'utf8');
}

/** A fixture file parsed as JSON. */
export function fixture<T = Json>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

/**
 * A fixture read when the module loads (a constant shared by several tests): `undefined` when
 * the fixtures are absent, so the file still loads and the tests using it (declared with
 * `describeFixtures` / `itFixtures`) are skipped.
 */
export function fixtureIfPresent<T = Json>(path: string): T {
  return (fixturesPresent ? fixture<T>(path) : undefined) as T;
}

/** The file names in a fixture folder (e.g. `push/xml`), sorted; empty when fixtures are absent. */
export function fixtureFiles(folder: string): string[] {
  if (!fixturesPresent) return [];
  return readdirSync(new URL(`${folder.replace(/\/?$/, '/')}`, DIR)).sort();
}
