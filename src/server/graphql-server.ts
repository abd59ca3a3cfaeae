import { readFileSync } from 'node:fs';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createFetch } from '@whatwg-node/fetch';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { createContextFactory, type Context, type Services } from '../graphql/context.ts';
import { gatewayError, maskError } from '../graphql/errors.ts';
import { schema } from '../graphql/schema.ts';
import type { CallerLimits } from './caller-limits.ts';
import { clientAddressOf } from './client-address.ts';
import { ANONYMOUS_CHARGED } from './graphql-guard.ts';
import { createGraphiQLRenderer, type GraphiQLOptions } from './graphiql.ts';
import type { Logger } from './logger.ts';
import { useRequestScope, type Metrics } from './observability.ts';

/**
 * Limits on documents, tuned so every operation in test/operations passes: the deepest is 6
 * levels, the widest a few dozen fields. Hostile documents fail validation before execution.
 */
export const DOCUMENT_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 4_000,
  // Armor multiplies by a literal `first`: a full page of 10 000 follower openids costs about
  // 70 000, the same page with every profile field (100 batchget calls) about 400 000.
  maxCost: 100_000,
};

function armor(production: boolean) {
  return new EnvelopArmor({
    maxDepth: { n: DOCUMENT_LIMITS.maxDepth, ignoreIntrospection: true },
    // Armor's default allowList exempts `__typename`: 200 `a1: __typename` aliases passed. Count every alias.
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives },
    maxTokens: { n: DOCUMENT_LIMITS.maxTokens },
    costLimit: { maxCost: DOCUMENT_LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    // Suggestions help in development; in production they map the schema for an attacker.
    blockFieldSuggestion: { enabled: production },
  }).protect().plugins as Plugin[];
}

const PARSED_CONTENT_TYPES = ['application/json', 'application/graphql-response+json', 'application/graphql', 'multipart/form-data', 'application/x-www-form-urlencoded'];

const badRequest = (message: string, status = 400) =>
  createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status } } });

/**
 * Malformed requests get a clear 4xx: yoga's own parsers throw raw errors on some bodies
 * (`JSON.parse` of `?variables={`, a multipart `map` that is not a list), and graphql-js
 * overflows the stack on list literals nested a few thousand deep.
 */
function useRequestHygiene(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (request.method === 'POST' && (!type || !PARSED_CONTENT_TYPES.includes(type)))
        throw badRequest(`Unsupported content-type ${type ?? '(none)'}; send application/json or multipart/form-data.`, 415);
      if (!requestParser) return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (error) {
          // Yoga's own refusals carry the JSON parser's internals in extensions.originalError.
          if ((error as Error).name === 'GraphQLError') {
            const { originalError: _internal, http, ...extensions } = (error as GraphQLError).extensions as Record<string, unknown>;
            const status = (http as { status?: number } | undefined)?.status ?? 400;
            throw createGraphQLError((error as Error).message, { extensions: { code: 'BAD_REQUEST', ...extensions, http: { status } } });
          }
          throw badRequest('The request could not be parsed: check that query, variables, extensions, operations and map are well-formed JSON of the right shape.');
        }
      });
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (error instanceof RangeError) throw createGraphQLError('The document is nested too deeply to parse.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
          throw error;
        }
      });
    },
  };
}

/** Every caller draws from its own per-minute budget, shared by all instances through the store. */
function useCallerRateLimit(services: Services, limits: CallerLimits): Plugin<Context> {
  const clientAddress = clientAddressOf(services.config.trustProxy);
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context & { req?: IncomingMessage & { [ANONYMOUS_CHARGED]?: true } };
      const principal = context.principal;
      // Anonymous POSTs were charged before their body was read (graphql-guard.ts).
      if (!principal && context.req?.[ANONYMOUS_CHARGED]) return;
      const [limiter, key] =
        principal?.kind === 'apiKey'
          ? [limits.apiKey, principal.name]
          : principal?.kind === 'session'
            ? [limits.session, `${principal.session.app}:${principal.session.openid}`]
            : [limits.anonymous, context.req ? clientAddress(context.req) : 'unknown'];
      if (!limiter) return;
      const verdict = await limiter.consume(key);
      if (verdict.allowed) return;
      const retryAfter = Math.ceil(verdict.retryAfterMs / 1000);
      setResultAndStopExecution({
        errors: [gatewayError(`Too many requests from this caller; try again in ${retryAfter} s.`, 'RATE_LIMITED', { retryAfter })],
      });
    },
  };
}

function persisted(services: Services): Plugin[] {
  const options = services.config.persistedOperations;
  if (!options) return [];
  const manifest = JSON.parse(readFileSync(options.file, 'utf8')) as Record<string, string>;
  return [
    usePersistedOperations({
      getPersistedOperation: (key) => manifest[key] ?? null,
      allowArbitraryOperations: !options.only,
      customErrors: {
        notFound: { message: 'Unknown persisted operation.', extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND' } },
        persistedQueryOnly: { message: 'Only persisted operations are accepted here.', extensions: { code: 'PERSISTED_OPERATION_REQUIRED' } },
        keyNotFound: { message: 'Send the operation hash as extensions.persistedQuery.sha256Hash.', extensions: { code: 'PERSISTED_OPERATION_REQUIRED' } },
      },
    }) as Plugin,
  ];
}

const codeOf = (error: Error) =>
  (error as { extensions?: { code?: unknown } }).extensions?.code ?? (error as { originalError?: { extensions?: { code?: unknown } } }).originalError?.extensions?.code;

const EXPECTED = new Set(['WeChatApiError', 'WeChatTransportError', 'WeChatCryptoError', 'RequestRefusedError', 'DatacubeRangeError']);
function expected(error: Error): boolean {
  const original = (error as { originalError?: Error }).originalError ?? error;
  return !!codeOf(error) || EXPECTED.has(original.name) || (error.name === 'GraphQLError' && !(error as { originalError?: Error }).originalError);
}

/** Multipart uploads: a few images (WeChat takes at most 10 MB each) and small fields. */
const FORM_DATA_LIMITS = { fileSize: 10 * 1024 * 1024, files: 4, fields: 16, fieldSize: 1024 * 1024, parts: 20, headerSize: 16 * 1024 };

function cors(origins: Services['config']['corsOrigins']) {
  if (origins === 'same-origin') return false;
  if (origins === '*') return undefined;
  return { origin: origins, credentials: true, methods: ['GET', 'POST'] };
}

/** graphql-yoga with the gateway's limits, masking, CSRF prevention and request scope. */
export function createGraphQLServer(services: Services, callerLimits: CallerLimits, logger: Logger, metrics: Metrics, extraPlugins: Plugin[] = [], graphiql: GraphiQLOptions = {}) {
  const production = services.config.env === 'production';
  return createYoga<{ req: IncomingMessage }>({
    schema,
    context: createContextFactory(services),
    graphqlEndpoint: '/graphql',
    graphiql: production ? false : { title: 'wechat-graphql', ...graphiql },
    renderGraphiQL: createGraphiQLRenderer(),
    // CORS_ORIGINS; unset: no CORS headers in production (same-origin only), any origin otherwise.
    cors: cors(services.config.corsOrigins),
    // graphql-guard.ts caps the bytes read of every POST before yoga sees it and hands yoga the
    // buffered body; yoga's own cap would stream that buffer through a second limiter per request.
    maxRequestBodySize: false,
    fetchAPI: createFetch({ formDataLimits: FORM_DATA_LIMITS }),
    landingPage: false,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    plugins: [
      useRequestScope(metrics),
      // Browsers preflight any request with one of these headers, so a cross-site form cannot forge one.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-api-key', 'authorization'] }),
      ...persisted(services),
      ...armor(production),
      // After armor, whose token limit brings its own parser: this wraps whichever parser runs.
      useRequestHygiene(),
      ...(production ? [useDisableIntrospection()] : []),
      useCallerRateLimit(services, callerLimits),
      ...extraPlugins,
    ],
    logging: {
      // Yoga logs at debug on every request: the line is only built when debug is on.
      debug: (...args) => logger.isLevelEnabled('debug') && logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => {
        const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
        const error = args.find((a): a is Error => a instanceof Error);
        // Typed errors (bad input, WeChat's errcodes, auth) are the client's business, not an incident.
        if (error && expected(error)) return logger.info({ code: codeOf(error) }, message);
        logger.error({ err: error ? { name: error.name, message: error.message, stack: error.stack } : undefined }, message);
      },
    },
  });
}
