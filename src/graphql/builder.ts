import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ZodPlugin from '@pothos/plugin-zod';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Scope } from '../config/index.ts';
import type { Context } from './context.ts';
import type { CredentialProblem } from './principal.ts';
import { badInput, gatewayError } from './errors.ts';

/** The one Pothos builder. It defines no types: each domain module under types/ does. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Anyone, signed in or not: declared on purpose, never a default. */
    public: boolean;
    /** An API key holding this scope (or `admin`). */
    apiKey: Scope;
    /** A signed-in mini-program user (a session from `login`). */
    session: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // scope-auth first, errors before dataloader (DESIGN.md).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, RelayPlugin, SimpleObjectsPlugin, ZodPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: ({ principal }) => ({
      public: true,
      apiKey: (scope) => principal?.kind === 'apiKey' && (principal.scopes.has(scope) || principal.scopes.has('admin')),
      session: principal?.kind === 'session',
    }),
    unauthorizedError: (_parent, context, info, result) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      const { scopes, session } = required(result.failure);
      const wants = [...(scopes.length ? [`an API key with the scope ${scopes.join(' or ')}`] : []), ...(session ? ['a signed-in user (login)'] : [])].join(' or ');
      if (!context.principal) {
        const problem = context.credentialProblem;
        if (problem) return gatewayError(`${field}: ${CREDENTIAL_PROBLEMS[problem]}`, 'UNAUTHENTICATED');
        return gatewayError(`${field} needs ${wants}: send x-api-key, or Authorization: Bearer <session token>.`, 'UNAUTHENTICATED');
      }
      if (scopes.length && context.principal.kind === 'apiKey')
        return gatewayError(`${field} needs the scope ${scopes.join(' or ')}.`, 'FORBIDDEN', { requiredScopes: scopes });
      return gatewayError(`${field} needs ${wants}.`, 'FORBIDDEN', { requiredScopes: scopes });
    },
  },
  errors: { defaultTypes: [] },
  relay: { clientMutationId: 'omit', cursorType: 'String' },
  zod: {
    validationError: (error) => {
      const issue = error.issues[0];
      return badInput(issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input', issue?.path.join('.'));
    },
  },
});

const CREDENTIAL_PROBLEMS: Record<CredentialProblem, string> = {
  unknown_api_key: 'the API key is not recognized.',
  invalid_session: 'the session token is invalid, expired or revoked; log in again.',
  unknown_bearer: 'the bearer token is neither an API key (wgk_) nor a session token (wgs_).',
};

interface FailureLike {
  kind: string;
  scope?: string;
  parameter?: unknown;
  failures?: FailureLike[];
}

/** What would have satisfied the rule: API-key scopes and/or a session. */
function required(failure: FailureLike): { scopes: string[]; session: boolean } {
  if (failure.kind === 'AuthScope' && failure.scope === 'apiKey') return { scopes: [String(failure.parameter)], session: false };
  if (failure.kind === 'AuthScope' && failure.scope === 'session') return { scopes: [], session: true };
  const parts = (failure.failures ?? []).map(required);
  return { scopes: parts.flatMap((part) => part.scopes), session: parts.some((part) => part.session) };
}

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({ description: 'Read WeChat data through the gateway.' });
builder.mutationType({ description: 'Change WeChat state, sign in or send through the gateway.' });
