import fc from 'fast-check';
import { expect } from 'vitest';
import type { ErrorCode } from '../../src/graphql/errors.ts';
import { LoginDocument } from '../gql/graphql.ts';
import type { Upload } from '../helpers/arbitraries.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { mintCode, startStack, type Stack } from '../helpers/stack.ts';

/**
 * The oracle and HTTP plumbing of the bad-input suite (test/integration/bad-input-*.test.ts):
 * every response to hostile input must be a clear refusal or a normal answer, never a 5xx,
 * a masked internal error, a stack trace or a hang.
 */

/** Codes the gateway itself gives (src/graphql/errors.ts), except INTERNAL_SERVER_ERROR. */
const GATEWAY_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'QUOTA_EXHAUSTED',
  'WECHAT_RECIPIENT_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'STORE_UNAVAILABLE',
  'WECHAT_BUSY',
  'WECHAT_TOKEN_REJECTED',
  'WECHAT_CREDENTIALS_REJECTED',
  'WECHAT_INVALID_CODE',
  'WECHAT_API_UNAUTHORIZED',
  'WECHAT_ERROR',
  'CARRIER_REFUSED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_OUTCOME_UNKNOWN',
  'DEADLINE_EXCEEDED',
  'SESSION_KEY_STALE',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
] as const satisfies readonly ErrorCode[];
// A new ErrorCode must be listed above (or be INTERNAL_SERVER_ERROR, which is always a failure).
type Unlisted = Exclude<ErrorCode, (typeof GATEWAY_CODES)[number] | 'INTERNAL_SERVER_ERROR'>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

/** Codes graphql-yoga and graphql-js give for protocol, syntax and validation errors. */
const PROTOCOL_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_OPERATION_NOT_FOUND', 'PERSISTED_OPERATION_REQUIRED'];

export const ALLOWED_CODES: ReadonlySet<string> = new Set([...GATEWAY_CODES, ...PROTOCOL_CODES]);

/** What the leak scan (test/helpers/leak-scan.ts) takes for an access token or a session_key. */
const SECRET_SHAPES = [/\b\d{1,3}_[A-Za-z0-9_-]{60,}/, /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{22}==/];
/**
 * Generated input the gateway echoes back (as graphql-js does in "got invalid value ...") must
 * not look like a secret to the leak scan; such values are left out.
 */
export const looksSecret = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? undefined : item)) ?? '';
  return SECRET_SHAPES.some((shape) => shape.test(text));
};

/** Signs of an internal failure shown to a client: stack frames, source paths, JS runtime errors. */
const INTERNAL_TEXT = [
  /\bat (?:async )?[\w$.<>]+ \((?:file:|node:|\/)/,
  /\bat (?:file:|node:internal)/,
  /node_modules\//,
  /\/work\/main\//,
  /\.ts:\d+:\d+/,
  /Cannot read propert(?:y|ies) of/,
  /is not a function/,
  /is not iterable/,
  /Maximum call stack/,
  /Unexpected error\./,
  /blobParts|_buffer|webkitRelativePath/,
];

export interface Exchange {
  request: string;
  status: number;
  contentType: string | null;
  text: string;
  json?: { data?: unknown; errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } & Record<string, unknown>;
  /** WeChat calls the emulator counted while this request ran. */
  upstreamCalls: number;
  /** Gateway log lines written while this request ran. */
  logs: string[];
}

const totalCalls = (stack: Stack) => Object.values(stack.emulator.calls()).reduce((sum, n) => sum + n, 0);

const short = (text: string, max = 600) => {
  const squeezed = text.replace(/(.)\1{40,}/gsu, (run, char: string) => `${char}…×${[...run].length}`);
  return squeezed.length > max ? `${squeezed.slice(0, max)}… (${squeezed.length} chars)` : squeezed;
};

/** One HTTP exchange with the gateway, bounded in time, its body recorded for the leak scan. */
export async function exchange(
  stack: Stack,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | FormData | Uint8Array },
  label: string,
): Promise<Exchange> {
  const logsBefore = stack.logs.length;
  const callsBefore = totalCalls(stack);
  const response = await fetch(`${stack.instances[0]!.url}${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body as BodyInit | undefined,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  recordText(text);
  let json: Exchange['json'];
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {
    request: label,
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    json,
    upstreamCalls: totalCalls(stack) - callsBefore,
    logs: stack.logs.slice(logsBefore),
  };
}

function findKey(value: unknown, key: string, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 20) return false;
  if (Object.hasOwn(value, key)) return true;
  return Object.values(value).some((item) => findKey(item, key, depth + 1));
}

/**
 * What is wrong with this answer to hostile input. A GraphQL answer (2xx) must carry a known
 * `extensions.code` on every error; a transport-level refusal may be any 4xx with a JSON body.
 */
export function problemsOf(x: Exchange): string[] {
  const problems: string[] = [];
  if (x.status >= 500) problems.push(`HTTP ${x.status}`);
  if (!x.json || !/json|event-stream/.test(x.contentType ?? '')) {
    problems.push(`HTTP ${x.status} without a JSON body (content-type ${x.contentType ?? 'none'})`);
    return problems;
  }
  for (const pattern of INTERNAL_TEXT) if (pattern.test(x.text)) problems.push(`internal detail in the response (${pattern})`);
  const errors = x.json.errors;
  if (x.status < 300 && !errors?.length && x.json.data === undefined) problems.push('neither data nor errors');
  if (errors !== undefined && !Array.isArray(errors)) problems.push('errors is not a list');
  for (const error of Array.isArray(errors) ? errors : []) {
    const code = error.extensions?.code;
    if (typeof error.message !== 'string' || !error.message) problems.push('an error without a message');
    if (code === 'INTERNAL_SERVER_ERROR' || error.extensions?.unexpected) problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message)}`);
    else if (code === undefined) {
      if (x.status < 400) problems.push(`HTTP ${x.status} error without extensions.code: ${String(error.message)}`);
    } else if (!ALLOWED_CODES.has(String(code))) problems.push(`unknown extensions.code ${String(code)}: ${String(error.message)}`);
    if (findKey(error.extensions, 'stack') || findKey(error.extensions, 'originalError')) problems.push(`internal error object in extensions: ${short(JSON.stringify(error.extensions))}`);
  }
  return problems;
}

/** Every error is BAD_USER_INPUT from the gateway itself (not a WeChat errcode) and nothing was answered. */
export function refusedAsBadInput(x: Exchange): boolean {
  const errors = x.json?.errors ?? [];
  if (!errors.length || !errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions?.errcode === undefined)) return false;
  const data = x.json?.data as Record<string, unknown> | null | undefined;
  return data == null || Object.values(data).every((value) => value === null);
}

export function describeExchange(x: Exchange): string {
  const errorLogs = x.logs.filter((line) => /"level":(50|60)/.test(line));
  return [
    `request: ${short(x.request, 1500)}`,
    `response: HTTP ${x.status} ${x.contentType ?? ''} ${short(x.text, 1500)}`,
    `upstream calls: ${x.upstreamCalls}`,
    errorLogs.length ? `gateway error logs:\n${errorLogs.map((line) => short(line, 800)).join('')}` : 'gateway error logs: none',
  ].join('\n');
}

/** Throws (for fast-check and vitest) when the answer is not a clean one. */
export function assertClean(x: Exchange, extra: string[] = []): void {
  const problems = [...problemsOf(x), ...extra];
  if (problems.length) throw new Error(`${problems.join('; ')}\n${describeExchange(x)}`);
}

/** Stable per property; BAD_INPUT_SEED shifts every seed to explore other inputs. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return (hash ^ Number(process.env.BAD_INPUT_SEED ?? 0)) | 0;
}

/** fast-check's report, with 1 MB values squeezed so the failure stays readable. */
function reporter<Ts>(details: fc.RunDetails<Ts>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${short(fc.defaultReportMessage(details) ?? '', 3000)}\n\nGot: ${short(cause, 6000)}`);
}

/**
 * Runs a property with a fixed seed (printed by fast-check on failure). BAD_INPUT_SEED picks
 * other inputs and BAD_INPUT_RUNS multiplies the runs, to explore beyond the checked-in ones.
 */
export async function checkProperty<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, runs: number): Promise<void> {
  const numRuns = Math.max(1, Math.round(runs * Number(process.env.BAD_INPUT_RUNS ?? 1)));
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
    }),
    { seed: seedOf(name), numRuns, reporter: reporter<[T]> },
  );
}

/** Health after hostile input: /healthz, a public query, and one that goes to WeChat. */
export async function expectHealthy(stack: Stack): Promise<void> {
  const health = await fetch(`${stack.instances[0]!.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const legit = await exchange(
    stack,
    { headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.admin }, body: JSON.stringify({ query: '{ apps { id } wechatServerIps { apiDomain } }' }) },
    'health check',
  );
  expect(legit.json?.errors, describeExchange(legit)).toBeUndefined();
  expect((legit.json?.data as { apps: unknown[] }).apps.length).toBeGreaterThan(0);
  // The gateway runs in this process: a polluted prototype would show here.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

export type Principal = 'admin' | 'none' | 'wrongScope' | 'unknownKey' | 'garbageBearer' | 'unknownSession' | 'session';

/** Rate limits off: the suite sends thousands of requests a minute on purpose. */
export async function startBadInputStack(): Promise<{ stack: Stack; session: { token: string; openid: string } }> {
  const stack = await startStack({ env: { RATE_LIMIT_API_KEY_PER_MINUTE: '0', RATE_LIMIT_SESSION_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' } });
  const login = await stack.request(LoginDocument, { code: await mintCode(stack, 'login', 'mallory') }, { key: null });
  expect(login.errors).toBeUndefined();
  return { stack, session: { token: login.data!.login.token, openid: login.data!.login.viewer.openid } };
}

export function credentials(stack: Stack, principal: Principal, sessionToken: string): Record<string, string> {
  switch (principal) {
    case 'admin':
      return { 'x-api-key': stack.keys.admin };
    case 'none':
      return {};
    case 'wrongScope':
      return { 'x-api-key': stack.keys.analytics };
    case 'unknownKey':
      return { 'x-api-key': 'wgk_unknown_0000000000000000000000' };
    case 'garbageBearer':
      return { authorization: 'Bearer ${jndi:ldap://x}/../..' };
    case 'unknownSession':
      return { authorization: 'Bearer wgs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    case 'session':
      return { authorization: `Bearer ${sessionToken}` };
  }
}

/** POST a GraphQL operation as JSON. */
export function postJson(stack: Stack, body: unknown, headers: Record<string, string>, label = JSON.stringify(body)) {
  return exchange(stack, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }, label);
}

/** POST a GraphQL multipart request (operations, map, files). */
export function postMultipart(
  stack: Stack,
  operations: unknown,
  files: { path: string; upload: Upload }[],
  headers: Record<string, string>,
): Promise<Exchange> {
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(Object.fromEntries(files.map((file, i) => [String(i), [file.path]]))));
  files.forEach((file, i) => form.append(String(i), new Blob([file.upload.bytes as Uint8Array<ArrayBuffer>], { type: file.upload.type }), file.upload.name));
  const label = `multipart ${JSON.stringify(operations)} files ${files.map((f) => `${f.path}=${f.upload.name}(${f.upload.type}, ${f.upload.bytes.length} bytes)`).join(', ')}`;
  return exchange(stack, { headers: { 'x-graphql-yoga-csrf': '1', ...headers }, body: form }, label);
}

/**
 * A subscription over SSE: the first `next` event is the answer to check. A subscription the
 * gateway accepted stays open with only keep-alives; after a short wait it is cancelled.
 */
export async function subscribeOnce(stack: Stack, body: unknown, headers: Record<string, string>): Promise<Exchange | 'accepted'> {
  const abort = new AbortController();
  const logsBefore = stack.logs.length;
  const response = await fetch(`${stack.instances[0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(body),
    signal: abort.signal,
  });
  const label = JSON.stringify(body);
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    const text = await response.text();
    recordText(text);
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { request: label, status: response.status, contentType: response.headers.get('content-type'), text, json, upstreamCalls: 0, logs: stack.logs.slice(logsBefore) };
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const quiet = setTimeout(() => abort.abort(), 150);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const event = /event: next\ndata: (.*)\n\n/.exec(buffered);
      if (event) {
        recordText(event[1]!);
        return { request: label, status: response.status, contentType: 'application/json', text: event[1]!, json: JSON.parse(event[1]!), upstreamCalls: 0, logs: stack.logs.slice(logsBefore) };
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    return 'accepted';
  } finally {
    clearTimeout(quiet);
    abort.abort();
  }
  return 'accepted';
}
