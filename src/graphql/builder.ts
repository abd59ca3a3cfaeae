import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ZodPlugin from '@pothos/plugin-zod';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
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
    /** A calendar day, `YYYY-MM-DD`; parsed to a Date at UTC midnight. */
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    /** A GraphQL multipart upload (input only). */
    File: { Input: File; Output: never };
  };
  /** What every connection's resolver returns besides edges and pageInfo. */
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // scope-auth first (DESIGN.md). No errors plugin: failures are GraphQL errors with a code (errors.ts), not result types.
  plugins: [ScopeAuthPlugin, DataloaderPlugin, RelayPlugin, SimpleObjectsPlugin, ZodPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // Subscriptions are authorized when they start, not on each event.
    authorizeOnSubscribe: true,
    authScopes: ({ principal }) => ({
      public: true,
      apiKey: (scope) => principal?.kind === 'apiKey' && (principal.scopes.has(scope) || principal.scopes.has('admin')),
      session: principal?.kind === 'session',
    }),
    // Each message says what would work for this field, and only that.
    unauthorizedError: (_parent, context, info, result) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      const { scopes, session } = required(result.failure);
      const key = scopes.length ? `an API key with the scope ${scopes.join(' or ')} (in the x-api-key header)` : '';
      const user = session ? 'a signed-in user (a session token from login, as Authorization: Bearer <token>)' : '';
      const wants = [key, user].filter(Boolean).join(', or ');
      const principal = context.principal;
      if (!principal) {
        const problem = context.credentialProblem;
        const why = problem === 'invalid_session' && !session ? 'the session token is invalid, expired or revoked.' : problem && CREDENTIAL_PROBLEMS[problem];
        return gatewayError(`${field}: ${why ? `${why} It needs` : 'needs'} ${wants}.`, 'UNAUTHENTICATED', { requiredScopes: scopes });
      }
      if (principal.kind === 'apiKey' && scopes.length)
        return gatewayError(`${field} needs an API key with the scope ${scopes.join(' or ')}; the key "${principal.name}" does not hold it.`, 'FORBIDDEN', { requiredScopes: scopes });
      if (principal.kind === 'apiKey')
        return gatewayError(`${field} needs ${user}: it answers for the user signed in, so an API key cannot call it.`, 'FORBIDDEN', { requiredScopes: scopes });
      return gatewayError(`${field} needs ${key}: a signed-in user cannot call it.`, 'FORBIDDEN', { requiredScopes: scopes });
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Connections list what their parent field may see; the parent field holds the auth rule.
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.', authScopes: { public: true } },
    hasNextPageFieldOptions: { description: 'Whether more items may follow; ask again with `after: endCursor`.' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page (pass it as `after`); null when the page is empty.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    cursorFieldOptions: { description: 'Opaque position of this item; pass it as `after` to continue after it.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: { description: 'At most this many items.' },
    afterArgOptions: { description: 'Start after the item with this cursor.' },
    lastArgOptions: { description: 'At most this many items, counting back from `before`.' },
    beforeArgOptions: { description: 'End before the item with this cursor.' },
  },
  zod: {
    validationError: (error) => {
      // A rule that threw (a bug, not bad input) reaches here too: let it surface as itself.
      if (!Array.isArray(error?.issues)) return error instanceof Error ? error : new Error(String(error));
      const issue = error.issues[0];
      return badInput(issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input', issue?.path.join('.'));
    },
  },
});

const CREDENTIAL_PROBLEMS: Record<CredentialProblem, string> = {
  unknown_api_key: 'the API key is not recognized.',
  invalid_session: 'the session token is invalid, expired or revoked (log in again for a new one).',
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

builder.addScalarType('Date', DateResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec (input only).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  // yoga puts the uploaded file in the variables: a WHATWG File, or @whatwg-node's ponyfill of one.
  parseValue: (value) => {
    const file = value as Partial<File> | null;
    if (typeof file?.arrayBuffer === 'function' && typeof file.name === 'string' && typeof file.size === 'number') return value as File;
    throw badInput('expected a file sent as a multipart upload (GraphQL multipart request spec)');
  },
});

builder.queryType({ description: 'Read WeChat data through the gateway.' });
builder.mutationType({ description: 'Change WeChat state, sign in or send through the gateway.' });
builder.subscriptionType({ description: 'Live events from WeChat, over Server-Sent Events (`accept: text/event-stream`).' });
