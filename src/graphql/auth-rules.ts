import { isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

type Scopes = Record<string, unknown> | ((...args: unknown[]) => unknown) | undefined;

const optionsOf = (node: { extensions?: unknown }) =>
  ((node.extensions as { pothosOptions?: { authScopes?: Scopes; skipTypeScopes?: boolean } } | undefined)?.pothosOptions ?? {});

function describeScopes(scopes: Scopes): string | null {
  if (!scopes) return null;
  if (typeof scopes === 'function') return 'custom';
  const parts = Object.entries(scopes).map(([scope, value]) => {
    if (scope === 'apiKey') return `API key with \`${String(value)}\``;
    if (scope === 'session') return 'signed-in user';
    if (scope === 'public') return 'public';
    return scope;
  });
  return parts.join(' or ');
}

/**
 * The auth rule each field runs under: its own authScopes, or its type's. `null` marks a
 * field nobody decided about, which a test refuses.
 */
export function authRule(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null {
  const own = describeScopes(optionsOf(field).authScopes);
  if (own) return own;
  const root = ['Query', 'Mutation', 'Subscription'].includes(type.name);
  return root ? null : describeScopes(optionsOf(type).authScopes);
}

export function authRules(schema: GraphQLSchema): { field: string; rule: string | null }[] {
  const rules = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) rules.push({ field: `${type.name}.${field.name}`, rule: authRule(type, field) });
  }
  return rules;
}

/** The README's table: every root field and who may call it. */
export function scopeTable(schema: GraphQLSchema): string {
  const rows = authRules(schema)
    .filter(({ field }) => /^(Query|Mutation|Subscription)\./.test(field))
    .map(({ field, rule }) => `| \`${field}\` | ${rule ?? '**none**'} |`);
  return ['| field | who may call it |', '| --- | --- |', ...rows].join('\n');
}

/** The sentence GraphiQL's docs panel shows under a field or type: who may call it. */
export function whoMayCall(scopes: Scopes): string | null {
  if (!scopes || typeof scopes === 'function') return null;
  const parts = Object.entries(scopes).map(([scope, value]) => {
    if (scope === 'apiKey') return `an API key with the \`${String(value)}\` scope (or \`admin\`)`;
    if (scope === 'session') return 'a signed-in user (a session token from `login`)';
    if (scope === 'public') return 'anyone, without credentials';
    return scope;
  });
  return parts.length ? `Who may call it: ${parts.join(', or ')}.` : null;
}

const withRule = (description: string | null | undefined, rule: string) => (description ? `${description}\n\n${rule}` : rule);

/**
 * Appends who may call it to the description of every root field, every type with a type-wide
 * rule, and every field with a rule of its own, all from their `authScopes`: the schema's docs
 * (GraphiQL, the printed schema, codegen) answer it without a hand-written sentence that can
 * drift from the rule that runs.
 */
export function describeAuthRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = ['Query', 'Mutation', 'Subscription'].includes(type.name);
    const typeRule = root ? null : whoMayCall(optionsOf(type).authScopes);
    if (typeRule) type.description = withRule(type.description, typeRule.replace('call it', 'read it'));
    for (const field of Object.values(type.getFields())) {
      const rule = whoMayCall(optionsOf(field).authScopes);
      if (rule) field.description = withRule(field.description, rule);
    }
  }
  return schema;
}
