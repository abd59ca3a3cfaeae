import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../src/server/graphql-server.ts';
import { ApiDomainIpsDocument, AppsDocument, LoginDocument } from '../gql/graphql.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function post(s: Stack, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${s.instances[0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': s.keys.admin, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((e) => e.message).join(' | ');

describe('document limits', () => {
  const hostile: [string, string, RegExp][] = [
    ['depth', `{ ${'a { '.repeat(DOCUMENT_LIMITS.maxDepth + 5)}id${' }'.repeat(DOCUMENT_LIMITS.maxDepth + 5)} }`, /depth limit/i],
    ['aliases', `{ ${Array.from({ length: DOCUMENT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: apps { id }`).join(' ')} }`, /aliases limit/i],
    ['directives', `{ apps ${'@include(if: true) '.repeat(DOCUMENT_LIMITS.maxDirectives + 1)}{ id } }`, /directives limit/i],
    ['tokens', `{ apps { ${'id '.repeat(DOCUMENT_LIMITS.maxTokens)} } }`, /token limit/i],
    // A page of 10 000 followers with every profile field would be 100 batchget calls.
    [
      'cost',
      `{ followers(app: "officialAccount", first: 10000) { edges { node { openid subscribed unionid nickname sex city province country headImgUrl language subscribedAt remark tagIds subscribeScene qrScene } } } }`,
      /cost limit/i,
    ],
  ];

  it.each(hostile)('refuses a document over the %s limit with a clear error, before any upstream call', async (_name, query, pattern) => {
    stack = await startStack();
    const { status, body } = await post(stack, { query });
    expect(status).toBeLessThan(500);
    expect(body.data ?? null).toBeNull();
    expect(messages(body)).toMatch(pattern);
    if (_name !== 'depth') expect(body.errors).toHaveLength(1); // refused for that limit alone
    expect(stack.emulator.calls()).toEqual({});
    const healthy = await stack.request(AppsDocument);
    expect(healthy.data?.apps.length).toBeGreaterThan(0);
  });

  it("lets GraphiQL's introspection through in development", async () => {
    stack = await startStack();
    const { body } = await post(stack, { query: getIntrospectionQuery() });
    expect(body.errors).toBeUndefined();
  });
});

describe('production mode', () => {
  it('turns introspection and GraphiQL off and hides field suggestions', async () => {
    stack = await startStack({ env: { NODE_ENV: 'production' } });
    const introspection = await post(stack, { query: '{ __schema { types { name } } }' });
    expect(introspection.body.data ?? null).toBeNull();
    expect(messages(introspection.body)).toMatch(/introspection/i);
    const typo = await post(stack, { query: '{ appz { id } }' });
    expect(messages(typo.body)).not.toMatch(/did you mean/i);
    const page = await fetch(`${stack.instances[0]!.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple cross-site GET, and accepts it with a preflighted header', async () => {
    stack = await startStack();
    const url = `${stack.instances[0]!.url}/graphql?query=${encodeURIComponent('{ apps { id } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(403);
    const preflighted = await fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(preflighted.status).toBe(200);
  });
});

describe('persisted operations', () => {
  it('with PERSISTED_OPERATIONS_ONLY, refuses an ad-hoc document and runs a generated one', async () => {
    stack = await startStack({ env: { PERSISTED_OPERATIONS_FILE: 'test/gql/persisted-documents.json', PERSISTED_OPERATIONS_ONLY: '1' } });
    const adHoc = await stack.request(AppsDocument);
    expect(errorCodes(adHoc)).toEqual(['PERSISTED_OPERATION_REQUIRED']);
    const generated = await stack.request(ApiDomainIpsDocument, {}, { persisted: true });
    expect(generated.errors).toBeUndefined();
    expect(generated.data?.wechatServerIps.apiDomain.length).toBeGreaterThan(0);
    const unknown = await post(stack, { extensions: { persistedQuery: { version: 1, sha256Hash: 'sha256:0000' } } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_OPERATION_NOT_FOUND');
  });
});

describe('per-caller rate limits', () => {
  it('holds each caller to its own budget and says when to come back', async () => {
    stack = await startStack({ env: { RATE_LIMIT_API_KEY_PER_MINUTE: '5', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' } });
    const byAdmin = [];
    for (let i = 0; i < 7; i++) byAdmin.push(await stack.request(AppsDocument));
    expect(byAdmin.map((r) => errorCodes(r)[0] ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(byAdmin[6]!.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    // Another key has its own budget.
    expect((await stack.request(AppsDocument, {}, { key: stack.keys.logs })).errors).toBeUndefined();
    const anonymous = [];
    for (let i = 0; i < 4; i++) anonymous.push(await stack.request(LoginDocument, { code: 'dev_rate' + i }, { key: null }));
    expect(errorCodes(anonymous[3]!)).toEqual(['RATE_LIMITED']);
  });
});

describe('observability', () => {
  it('counts upstream calls in /metrics exactly as the emulator counts them', async () => {
    stack = await startStack({ faults: [{ endpoints: ['cgi-bin/get_api_domain_ip'], kind: 'busy', every: 4 }] });
    for (let i = 0; i < 10; i++) await stack.request(ApiDomainIpsDocument);
    const text = await (await fetch(`${stack.instances[0]!.url}/metrics`)).text();
    const count = (endpoint: string) =>
      [...text.matchAll(new RegExp(`^wgql_upstream_calls_total\\{endpoint="${endpoint}",[^}]*\\} (\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
    const calls = stack.emulator.calls();
    expect(count('cgi-bin/get_api_domain_ip')).toBe(calls['cgi-bin/get_api_domain_ip']);
    expect(count('cgi-bin/stable_token')).toBe(calls['cgi-bin/stable_token']);
    expect(text).toMatch(/wgql_upstream_calls_total\{endpoint="cgi-bin\/get_api_domain_ip",outcome="errcode",errcode="-1"\} \d+/);
    expect(text).toMatch(/wgql_token_refreshes_total\{appid="wx0123456789abcdef"\} 1/);
    expect(text).toMatch(/wgql_store_lookups\{namespace="token",result="miss"\} \d+/);
    expect(text).toMatch(/wgql_graphql_requests_total\{operation="ApiDomainIps",outcome="ok"\} 10/);
  });

  it('writes one log line per request with caller, operation, upstream calls and duration', async () => {
    stack = await startStack();
    await stack.request(ApiDomainIpsDocument, {}, { key: stack.keys.logs });
    const lines = stack.logs.flatMap((chunk) => chunk.split('\n')).filter((line) => line.includes('"msg":"request"'));
    const line = JSON.parse(lines.at(-1)!);
    expect(line).toMatchObject({ route: 'graphql', status: 200, operation: 'ApiDomainIps', caller: 'key:logs', upstreamCalls: 2, errors: 0 });
    expect(typeof line.durationMs).toBe('number');
  });

  it('reports upstream trouble in /readyz', async () => {
    stack = await startStack({ faults: [{ endpoints: ['cgi-bin/get_api_domain_ip'], kind: 'reset' }] });
    await stack.request(ApiDomainIpsDocument);
    await stack.request(ApiDomainIpsDocument);
    const ready = await (await fetch(`${stack.instances[0]!.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'degraded', upstream: { ok: false } });
  });
});

describe('graceful shutdown', () => {
  it('finishes the requests in flight when it closes under load', async () => {
    stack = await startStack({ faults: [{ endpoints: ['cgi-bin/get_api_domain_ip'], kind: 'latency', latencyMs: 300 }] });
    await stack.request(AppsDocument); // warm the connection pool and schema
    const inFlight = Array.from({ length: 40 }, () => stack!.request(ApiDomainIpsDocument));
    // Wait until every request has reached WeChat, then close while they wait for the answers.
    while ((stack.emulator.calls()['cgi-bin/get_api_domain_ip'] ?? 0) < 40) await new Promise((r) => setTimeout(r, 10));
    const closing = stack.instances[0]!.gateway.close();
    const responses = await Promise.all(inFlight);
    await closing;
    stack.instances.length = 0;
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(responses).toHaveLength(40);
  });
});
