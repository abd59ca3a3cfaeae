import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppUsers } from '../../src/emulator/users-state.ts';
import { createTracing, type Tracing } from '../../src/server/tracing.ts';
import { OaUserDocument } from '../gql/graphql.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

const USER_INFO = 'cgi-bin/user/info/batchget';

let stack: Stack;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  tracing = createTracing({ exporter });
  // WeChat answers the first batchget "system busy" (-1): a read is retried, so two attempts.
  stack = await startStack({ faults: [{ endpoints: [USER_INFO], kind: 'busy', times: 1 }], gateway: { tracing } });
});
afterAll(async () => {
  await stack?.close();
  await tracing?.shutdown();
});

const attrs = (span: ReadableSpan) => span.attributes;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('OpenTelemetry tracing', () => {
  it('gives an operation one trace, with a child span per WeChat attempt (errcode, attempt) and per store round-trip, and no secret', async () => {
    const app = stack.config.apps.find((a) => a.kind === 'officialAccount')!;
    const openid = new AppUsers(app.appid).openid(0);
    exporter.reset();
    const response = await stack.request(OaUserDocument, { openid });
    expect(response.errors).toBeUndefined();
    expect(response.data?.user?.openid).toBe(openid);

    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.name === 'query OaUser');
    expect(root, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(attrs(root!)).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'OaUser', 'http.response.status_code': 200 });
    const trace = spans.filter((span) => span.spanContext().traceId === root!.spanContext().traceId);

    const calls = trace.filter((span) => span.name === `wechat ${USER_INFO}`);
    expect(calls.map((span) => [attrs(span)['wechat.attempt'], attrs(span)['wechat.outcome'], attrs(span)['wechat.errcode']])).toEqual([
      [1, 'errcode', -1],
      [2, 'ok', undefined],
    ]);
    for (const call of calls) expect(parentOf(call)).toBe(root!.spanContext().spanId);
    // The token comes from WeChat (or the store) inside the same trace.
    expect(trace.some((span) => /^wechat cgi-bin\/(stable_)?token$/.test(span.name))).toBe(true);
    const storeSpans = trace.filter((span) => span.name.startsWith('store '));
    expect(storeSpans.length).toBeGreaterThan(0);
    expect(storeSpans.every((span) => typeof attrs(span)['db.operation.name'] === 'string')).toBe(true);

    // Nothing identifying or secret anywhere in the spans: names, attributes, status, events.
    const text = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, status: span.status, events: span.events, resource: span.resource.attributes })));
    expect(stack.emulator.calls()[USER_INFO]).toBe(2);
    for (const secret of [openid, app.secret, stack.keys.admin, ...stack.config.apps.map((a) => a.secret)]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/access_token|openid=|secret=/);
  });

  it('names an anonymous operation by its type and marks refused ones as errors', async () => {
    exporter.reset();
    const response = await fetch(`${stack.instances[0]!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ wechatServerIps { apiDomain } }' }),
    });
    expect(response.status).toBe(200);
    const root = exporter.getFinishedSpans().find((span) => span.name === 'query');
    expect(root).toBeDefined();
    expect(root!.status.code).toBe(2); // ERROR: no credentials
    expect(root!.status.message).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
