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
import { badInput, gatewayError } from './errors.ts';

/** The one Pothos builder. It defines no types: each domain module under types/ does. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Anyone, signed in or not: declared on purpose, never a default. */
    public: boolean;
    /** An API key holding this scope (or `admin`). */
    apiKey: Scope;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  // scope-auth first, errors before dataloader (DESIGN.md).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, RelayPlugin, SimpleObjectsPlugin, ZodPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      public: true,
      apiKey: (scope) => !!context.principal && (context.principal.scopes.has(scope) || context.principal.scopes.has('admin')),
    }),
    unauthorizedError: (_parent, context, info, result) => {
      if (!context.principal)
        return gatewayError(`${info.parentType.name}.${info.fieldName} needs an API key (x-api-key header).`, 'UNAUTHENTICATED');
      const scopes = requiredScopes(result.failure);
      return gatewayError(
        `${info.parentType.name}.${info.fieldName} needs the scope ${scopes.join(' or ') || 'it was not granted'}.`,
        'FORBIDDEN',
        { requiredScopes: scopes },
      );
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

interface FailureLike {
  kind: string;
  scope?: string;
  parameter?: unknown;
  failures?: FailureLike[];
}

function requiredScopes(failure: FailureLike): string[] {
  if (failure.kind === 'AuthScope' && failure.scope === 'apiKey') return [String(failure.parameter)];
  return (failure.failures ?? []).flatMap(requiredScopes);
}

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({ description: 'Read WeChat data through the gateway.' });
