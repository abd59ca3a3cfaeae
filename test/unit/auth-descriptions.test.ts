import { graphqlSync, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { authRules } from '../../src/graphql/auth-rules.ts';
import { schema } from '../../src/graphql/schema.ts';

describe('who may call each field, in the schema docs', () => {
  it('ends every root field description with the rule its authScopes enforce', () => {
    const roots = authRules(schema).filter(({ field }) => /^(Query|Mutation|Subscription)\./.test(field));
    expect(roots.length).toBeGreaterThan(30);
    for (const { field, rule } of roots) {
      const [type, name] = field.split('.') as [string, string];
      const object = schema.getType(type);
      const description = isObjectType(object) ? object.getFields()[name]!.description : undefined;
      expect(description, field).toMatch(/\n\nWho may call it: [^\n]+\.$/);
      if (rule === 'public') expect(description, field).toContain('anyone, without credentials');
      if (rule?.includes('signed-in user')) expect(description, field).toContain('a signed-in user');
      for (const scope of rule?.match(/`[a-z]+:[a-z]+`/g) ?? []) expect(description, field).toContain(`${scope} scope`);
    }
  });

  it('is what introspection (GraphiQL’s docs panel) answers', () => {
    const result = graphqlSync({ schema, source: '{ __type(name: "Query") { fields { name description } } }' });
    const fields = (result.data as { __type: { fields: { name: string; description: string }[] } }).__type.fields;
    expect(fields.find((f) => f.name === 'me')?.description).toContain('Who may call it: a signed-in user');
    expect(fields.find((f) => f.name === 'miniProgramAnalytics')?.description).toContain('Who may call it: an API key with the `analytics:read` scope');
  });
});
