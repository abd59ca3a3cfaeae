import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

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

/** `describe` when the fixtures are there, `describe.skip` otherwise. */
export const describeFixtures: typeof describe = (fixturesPresent ? describe : describe.skip) as typeof describe;

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

/** The file names in a fixture folder (e.g. `push/xml`), sorted; empty when fixtures are absent. */
export function fixtureFiles(folder: string): string[] {
  if (!fixturesPresent) return [];
  return readdirSync(new URL(`${folder.replace(/\/?$/, '/')}`, DIR)).sort();
}
