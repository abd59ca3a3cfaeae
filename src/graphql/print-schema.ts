import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { scopeTable } from './auth-rules.ts';
import { schema } from './schema.ts';

export const SCHEMA_FILE = new URL('../../schema/schema.graphql', import.meta.url);
export const README_FILE = new URL('../../README.md', import.meta.url);
export const printedSchema = () => `${printSchema(schema)}\n`;

const START = '<!-- scopes:start (npm run schema:print) -->';
const END = '<!-- scopes:end -->';

/** The README with its field/scope table regenerated from the schema. */
export function readmeWithScopeTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${scopeTable(schema)}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  writeFileSync(README_FILE, readmeWithScopeTable(readFileSync(README_FILE, 'utf8')));
  console.log(`wrote ${SCHEMA_FILE.pathname} and the scope table in ${README_FILE.pathname}`);
}
