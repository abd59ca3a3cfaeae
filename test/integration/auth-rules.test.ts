import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authRules } from '../../src/graphql/auth-rules.ts';
import { README_FILE, readmeWithScopeTable } from '../../src/graphql/print-schema.ts';
import { schema } from '../../src/graphql/schema.ts';

describe('auth rules', () => {
  it('gives every field in the schema a rule (public only on purpose)', () => {
    const rules = authRules(schema);
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.filter((rule) => rule.rule === null).map((rule) => rule.field)).toEqual([]);
  });

  it('keeps the README table of fields and scopes true (run `npm run schema:print`)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(readmeWithScopeTable(readme));
  });
});
