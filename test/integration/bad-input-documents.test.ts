import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../src/server/graphql-server.ts';
import { NASTY_STRINGS } from '../helpers/arbitraries.ts';
import { recordText } from '../helpers/leak-scan.ts';
import type { Stack } from '../helpers/stack.ts';
import {
  assertClean,
  checkProperty,
  describeExchange,
  exchange,
  expectHealthy,
  looksSecret,
  postJson,
  startBadInputStack,
  type Exchange,
} from './bad-input-harness.ts';

/**
 * Hostile documents and requests: over every armor limit, malformed JSON and multipart-less
 * transports, batching, CSRF-less GETs, fragment cycles, stack-deep nesting; then random
 * documents, bodies, query strings, credentials and media ids. Each must be refused (or
 * answered) cleanly, and the gateway must stay healthy.
 */

let stack: Stack;
beforeAll(async () => {
  ({ stack } = await startBadInputStack());
});
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await expectHealthy(stack);
});

const admin = () => ({ 'x-api-key': stack.keys.admin });
const post = (body: unknown, label?: string) => postJson(stack, body, admin(), label ?? short(JSON.stringify(body)));
const postRaw = (body: string | Uint8Array, headers: Record<string, string>, label: string) => exchange(stack, { headers: { ...admin(), ...headers }, body }, label);
const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
const messages = (x: Exchange) => (x.json?.errors ?? []).map((e) => String(e.message)).join(' | ');

/** Refused: no data, at least one error, each clean; nothing reached WeChat. */
function expectRefused(x: Exchange, pattern?: RegExp) {
  assertClean(x);
  expect(x.json?.data ?? null, describeExchange(x)).toBeNull();
  expect(x.json?.errors?.length, describeExchange(x)).toBeGreaterThan(0);
  if (pattern) expect(messages(x), describeExchange(x)).toMatch(pattern);
  expect(x.upstreamCalls, describeExchange(x)).toBe(0);
}

const inlineNesting = (depth: number) => `{ ${'... on Query { '.repeat(depth)}__typename${' }'.repeat(depth)} }`;
const aliases = (n: number, field = 'apps { id }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const directives = (n: number) => `{ apps ${'@include(if: true) '.repeat(n)}{ id } }`;
/** Doubling fragments: 2^n fields once expanded. */
const laughs = (n: number) => {
  const fragments = ['fragment F0 on Query { apps { id } }'];
  for (let i = 1; i <= n; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${n} } ${fragments.join(' ')}`;
};

describe('documents over the armor limits', () => {
  it('refuses depth 50 (inline fragments) with a clear error', async () => {
    expectRefused(await post({ query: inlineNesting(50) }), /depth|cost/i);
  });

  it('refuses depth 50 of unknown fields with a clear error', async () => {
    expectRefused(await post({ query: `{ apps ${'{ a '.repeat(50)}${'}'.repeat(50)} }` }));
  });

  it(`refuses ${DOCUMENT_LIMITS.maxAliases + 1} and 1000 aliases with a clear error`, async () => {
    expectRefused(await post({ query: aliases(DOCUMENT_LIMITS.maxAliases + 1) }), /alias/i);
    expectRefused(await post({ query: aliases(1000) }), /limit/i);
  });

  it('answers or refuses 1000 aliases of __typename cleanly (armor lets __typename through; the token limit bounds it)', async () => {
    const x = await post({ query: aliases(1000, '__typename') });
    assertClean(x);
    expect(x.upstreamCalls).toBe(0);
  });

  it('refuses 500 directives with a clear error', async () => {
    expectRefused(await post({ query: directives(500) }), /directive/i);
  });

  it('refuses 10 000 fields and a huge token count with a clear error', async () => {
    expectRefused(await post({ query: `{ ${'__typename '.repeat(10_000)}}` }), /token/i);
    expectRefused(await post({ query: `{ apps { ${'id '.repeat(DOCUMENT_LIMITS.maxTokens)}} }` }), /token/i);
  });

  it('refuses a cost bomb of doubling fragments (2^30 fields) with a clear error', async () => {
    expectRefused(await post({ query: laughs(30) }), /cost/i);
  });

  it('refuses a body over 2 MiB with 413 before reading it, and answers 1.5 MB of tokens, comment or string literal cleanly', async () => {
    const huge = await post({ query: `{ apps { id } } #${'x'.repeat(2 * 1024 * 1024)}` }, 'a 2 MB comment');
    expect(huge.status).toBe(413);
    expect(huge.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const size = 1.5 * 1024 * 1024;
    expectRefused(await post({ query: `{ ${'apps { id } '.repeat(size / 13)}}` }), /token/i);
    assertClean(await post({ query: `{ apps { id } } #${'x'.repeat(size)}` }, 'a 1.5 MB comment'));
    const literal = await post({ query: `{ apiQuota(path: "${'x'.repeat(size)}") { __typename } }` }, 'a 1.5 MB string literal');
    expectRefused(literal);
    expect(literal.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses fragment cycles with GRAPHQL_VALIDATION_FAILED', async () => {
    const x = await post({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
    expectRefused(x, /within itself/);
    expect(x.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectRefused(await post({ query: 'query { ...A } fragment A on Query { apps { id } ...A }' }), /within itself/);
  });

  it('refuses a deep introspection query with GRAPHQL_VALIDATION_FAILED', async () => {
    const x = await post({ query: '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }' });
    expectRefused(x, /introspection depth/i);
  });

  it('refuses a list literal nested just under the token limit without INTERNAL_SERVER_ERROR (graphql-js parser recursion)', async () => {
    const levels = Math.floor(DOCUMENT_LIMITS.maxTokens / 2) - 10;
    expectRefused(await post({ query: `{ apps(a: ${'['.repeat(levels)}${']'.repeat(levels)}) { id } }` }, `{ apps(a: [×${levels} ]×${levels}) { id } }`));
  });

  it('refuses deeply nested variables (10 000 levels of JSON) with BAD_USER_INPUT', async () => {
    const query = 'query($o: [String!]!) { users(openids: $o) { __typename } }';
    for (const nested of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const x = await postRaw(`{"query":${JSON.stringify(query)},"variables":{"o":${nested}}}`, { 'content-type': 'application/json' }, `variables 10 000 levels deep: ${nested.slice(0, 20)}…`);
      expectRefused(x);
      expect(x.json?.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers __typename spam within the limits, and refuses it beyond them', async () => {
    const within = await post({ query: `{ ${'__typename '.repeat(500)}}` });
    assertClean(within);
    expectRefused(await post({ query: `{ ${'__typename '.repeat(DOCUMENT_LIMITS.maxTokens + 1)}}` }), /token/i);
  });
});

describe('malformed requests', () => {
  it('refuses batched arrays with a 4xx JSON error', async () => {
    for (const body of [[{ query: '{ apps { id } }' }, { query: '{ apps { id } }' }], [], [null], Array.from({ length: 1000 }, () => ({ query: '{ apps { id } }' }))]) {
      const x = await post(body, `batch of ${body.length}`);
      expectRefused(x, /batching/i);
      expect(x.status).toBe(400);
    }
  });

  it('refuses an invalid JSON body with a 4xx JSON error that does not repeat the parser internals', async () => {
    for (const body of ['{"query":', '', '\ufeff{"query":"{ apps { id } }"}', "{'query': '{ apps { id } }'}", '{"query":"{ apps { id } }"}}']) {
      const x = await postRaw(body, { 'content-type': 'application/json' }, `body ${JSON.stringify(body)}`);
      expectRefused(x);
      expect(x.status).toBe(400);
    }
    const invalidUtf8 = await postRaw(new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]), { 'content-type': 'application/json' }, 'invalid UTF-8');
    expectRefused(invalidUtf8);
  });

  it('refuses a body that is JSON but not an operation with a 4xx JSON error', async () => {
    const bodies: unknown[] = [
      null,
      'x',
      5,
      {},
      { query: 1 },
      { query: null },
      { query: '{ apps { id } }', variables: 'x' },
      { query: '{ apps { id } }', variables: [1] },
      { query: '{ apps { id } }', extensions: 'x' },
      { query: '{ apps { id } }', operationName: 5 },
      { query: '{ apps { id } }', operationName: {} },
      JSON.parse('{"query":"{ apps { id } }","__proto__":{"polluted":true}}'),
      { documentId: 'abc' },
    ];
    for (const body of bodies) expectRefused(await post(body));
  });

  it('refuses a wrong content-type with a 4xx JSON error', async () => {
    for (const type of ['text/plain', 'application/xml', 'image/png']) {
      const x = await postRaw(JSON.stringify({ query: '{ apps { id } }' }), { 'content-type': type }, `content-type ${type}`);
      expect(x.status, describeExchange(x)).toBeGreaterThanOrEqual(400);
      expectRefused(x);
    }
  });

  it('refuses a GET with a query and no CSRF header (403), and a GET mutation (405), with JSON errors', async () => {
    const url = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
    const noCsrf = await exchange(stack, { method: 'GET', path: url('{ apps { id } }') }, 'GET without CSRF header');
    expect(noCsrf.status).toBe(403);
    expectRefused(noCsrf);
    const mutation = await exchange(stack, { method: 'GET', path: url('mutation { logout }'), headers: admin() }, 'GET mutation');
    expect(mutation.status).toBe(405);
    expectRefused(mutation);
  });

  it('refuses a GET or form POST whose variables or extensions are not JSON with a clear error', async () => {
    for (const param of ['variables', 'extensions']) {
      const search = `query=${encodeURIComponent('{ apps { id } }')}&${param}=%7B`;
      expectRefused(await exchange(stack, { method: 'GET', path: `/graphql?${search}`, headers: admin() }, `GET /graphql?${search}`));
      expectRefused(await postRaw(search, { 'content-type': 'application/x-www-form-urlencoded' }, `POST form ${search}`));
    }
  });

  it('refuses an unknown operationName and an ambiguous document with a clear error', async () => {
    expectRefused(await post({ query: 'query A { apps { id } }', operationName: 'B' }), /operation/i);
    expectRefused(await post({ query: 'query A { apps { id } }', operationName: '__proto__' }), /operation/i);
    expectRefused(await post({ query: 'query A { apps { id } } query B { apps { id } }' }), /operation/i);
  });

  it('refuses other methods with a JSON error', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const x = await exchange(stack, { method, headers: { ...admin(), 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{}' }, method);
      expect(x.status).toBe(405);
      expectRefused(x);
    }
  });
});

/** GraphQL tokens (and near-tokens) to build random documents from. */
const TOKENS = [
  '{', '}', '(', ')', '[', ']', ':', '!', '=', '@', '$', '...', '|', '&', 'query', 'mutation', 'subscription', 'fragment', 'on', 'F', 'apps', 'id', 'appid', 'kind',
  '__typename', '__schema', '__type', 'types', 'name', 'fields', 'me', 'login', 'code', '"x"', '"""block"""', '1', '-1', '1.5e3', 'true', 'null', 'AUTO',
  '@include', '@skip', '@deprecated', 'if', '$v', 'String', 'Int!', '[String!]!', 'a:', '#c\n', ',', '\u0000', '"\\u0000"', '"\\uD800"', '\u00a0',
];

describe('random documents and requests', () => {
  it('answers random text as a query cleanly (40 runs)', () =>
    checkProperty(
      'documents/random-text',
      fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...NASTY_STRINGS)),
      async (query) => assertClean(await post({ query })),
      40,
    ));

  it('answers random token soup cleanly (60 runs)', () =>
    checkProperty(
      'documents/token-soup',
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).map((tokens) => tokens.join(' ')),
      async (query) => assertClean(await post({ query })),
      60,
    ));

  it('refuses documents past each limit, and lets those within through (60 runs)', () =>
    checkProperty(
      'documents/limits',
      fc.oneof(
        fc.integer({ min: 1, max: 60 }).map((n) => ({ query: inlineNesting(n), over: n + 1 > DOCUMENT_LIMITS.maxDepth })),
        fc.integer({ min: 0, max: 80 }).map((n) => ({ query: aliases(n), over: n > DOCUMENT_LIMITS.maxAliases })),
        fc.integer({ min: 0, max: 60 }).map((n) => ({ query: directives(n), over: n > DOCUMENT_LIMITS.maxDirectives })),
        fc.integer({ min: 0, max: 25 }).map((n) => ({ query: laughs(n), over: 2 ** n * 3 > DOCUMENT_LIMITS.maxCost })),
      ),
      async ({ query, over }) => {
        const x = await post({ query }, short(query));
        assertClean(x);
        if (over) expect(x.json?.errors?.length, describeExchange(x)).toBeGreaterThan(0);
        expect(x.upstreamCalls).toBe(0);
      },
      60,
    ));

  it('answers random JSON bodies cleanly (60 runs)', () =>
    checkProperty(
      'documents/json-bodies',
      fc
        .oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record(
            {
              query: fc.oneof(fc.constantFrom('{ apps { id } }', 'query Q($a: String) { apps { id } }', 'mutation { logout }', ''), fc.jsonValue({ maxDepth: 2 })),
              variables: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }))),
              operationName: fc.oneof(fc.constantFrom('Q', '', '__proto__'), fc.jsonValue({ maxDepth: 1 })),
              extensions: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ persistedQuery: fc.jsonValue({ maxDepth: 2 }) })),
            },
            { requiredKeys: [] },
          ),
        )
        .filter((body) => !looksSecret(body)),
      async (body) => assertClean(await post(body)),
      60,
    ));

  it('answers random GET query strings cleanly (60 runs)', () =>
    checkProperty(
      'documents/get-params',
      fc.record(
        {
          query: fc.oneof(fc.constantFrom('{ apps { id } }', 'query Q($a: String) { apps { id } }', 'mutation { logout }'), fc.string({ maxLength: 40 })),
          variables: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 20 })),
          extensions: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 20 })),
          operationName: fc.string({ maxLength: 10 }),
        },
        { requiredKeys: [] },
      ),
      async (params) => {
        const search = new URLSearchParams(params as Record<string, string>).toString();
        assertClean(await exchange(stack, { method: 'GET', path: `/graphql?${search}`, headers: { ...admin(), 'x-graphql-yoga-csrf': '1' } }, `GET /graphql?${search}`));
      },
      60,
    ));

  it('answers random bodies under every content-type the gateway accepts cleanly (40 runs)', () =>
    checkProperty(
      'documents/content-types',
      fc.tuple(
        fc.constantFrom('application/json', 'application/graphql', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data', 'multipart/form-data; boundary=x'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('{ apps { id } }', 'query=%7B+apps+%7B+id+%7D+%7D', '--x\r\n\r\n--x--')),
      ),
      async ([type, body]) => assertClean(await postRaw(body, { 'content-type': type }, `${type}: ${JSON.stringify(body)}`)),
      40,
    ));

  it('refuses random credentials cleanly, public fields still answered (40 runs)', () =>
    checkProperty(
      'documents/credentials',
      fc.tuple(
        fc.constantFrom('x-api-key', 'authorization'),
        fc.oneof(
          fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
          fc.constantFrom('Bearer', 'Bearer ', 'Bearer wgs_', 'Bearer wgk_', 'Basic YWRtaW46YWRtaW4=', 'wgk_', 'wgs_x', `Bearer ${'a'.repeat(4000)}`, 'Bearer ${jndi:ldap://x}'),
        ),
      ),
      async ([header, value]) => {
        const x = await exchange(stack, { headers: { 'content-type': 'application/json', [header]: value }, body: JSON.stringify({ query: '{ apps { id } tokenStatus { __typename } }' }) }, `${header}: ${value}`);
        assertClean(x);
        expect(x.json?.data, describeExchange(x)).toBeNull(); // tokenStatus is non-null and admin-only
        expect(x.json?.errors?.map((e) => e.extensions?.code), describeExchange(x)).toEqual(['UNAUTHENTICATED']);
      },
      40,
    ));
});

/** A raw GET, so ".." and "%2F" reach the server as sent (fetch would normalize them). */
function rawGet(path: string): Promise<Exchange> {
  const url = new URL(stack.instances[0]!.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        recordText(text);
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ request: `GET ${path}`, status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? null, text, json, upstreamCalls: 0, logs: [] });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

describe('media ids', () => {
  it('answers traversal-like and very long ids with 404, never 500', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', '..', '%2e%2e', '..%5C..%5Cwindows', '%00', 'a%00.png', '__proto__', 'constructor', 'x'.repeat(10_000), '%F0%9F%98%80', '%ZZ']) {
      const x = await rawGet(`/media/${id}`);
      expect(x.status, describeExchange(x)).toBe(404);
      assertClean(x);
    }
  });

  it('answers random ids with 404 JSON (60 runs)', () =>
    checkProperty(
      'media/random-ids',
      fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...NASTY_STRINGS)),
      async (id) => {
        // Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD).
        const x = await rawGet(`/media/${[...Buffer.from(id, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`);
        expect(x.status, describeExchange(x)).toBe(404);
        assertClean(x);
      },
      60,
    ));
});
