import { mkdirSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './schema.ts';

export const SCHEMA_FILE = new URL('../../schema/schema.graphql', import.meta.url);
export const printedSchema = () => `${printSchema(schema)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(new URL('.', SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
