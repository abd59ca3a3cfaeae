import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordText } from '../helpers/leak-scan.ts';
import { mintCode, startStack, type Stack } from '../helpers/stack.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
let session: string;
beforeAll(async () => {
  stack = await startStack();
  const login = await call(`mutation { login(code: "${await mintCode(stack, 'login', 'nora')}") { token } }`, {});
  session = login.data.login.token;
});
afterAll(() => stack.close());

async function call(query: string, headers: Record<string, string>): Promise<Json> {
  const response = await fetch(`${stack.instances[0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  recordText(text);
  return JSON.parse(text) as Json;
}
const error = async (query: string, headers: Record<string, string>) => (await call(query, headers)).errors?.[0] as { message: string; extensions: Json };

/** Error messages say what would work for the field, and nothing that would not. */
describe('authorization messages', () => {
  it('an API-key-only field without credentials asks for the API key, not a session', async () => {
    const { message, extensions } = await error('{ qrCodeQuota { limitedUsed } }', {});
    expect(extensions.code).toBe('UNAUTHENTICATED');
    expect(message).toBe('Query.qrCodeQuota: needs an API key with the scope qrcode:create (in the x-api-key header).');
    const stale = await error('{ qrCodeQuota { limitedUsed } }', { authorization: 'Bearer wgs_notasession' });
    expect(stale.message).toMatch(/session token is invalid, expired or revoked\. It needs an API key with the scope qrcode:create/);
    expect(stale.message).not.toMatch(/log in/);
  });

  it('a signed-in user on an API-key-only field is told a session cannot call it', async () => {
    const { message, extensions } = await error('{ qrCodeQuota { limitedUsed } }', { authorization: `Bearer ${session}` });
    expect(extensions).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['qrcode:create'] });
    expect(message).toBe('Query.qrCodeQuota needs an API key with the scope qrcode:create (in the x-api-key header): a signed-in user cannot call it.');
  });

  it('`me` with an API key says it needs a signed-in user', async () => {
    const { message, extensions } = await error('{ me { openid } }', { 'x-api-key': stack.keys.admin });
    expect(extensions.code).toBe('FORBIDDEN');
    expect(message).toMatch(/^Query\.me needs a signed-in user \(a session token from login, as Authorization: Bearer <token>\): .*an API key cannot call it\.$/);
    const anonymous = await error('{ me { openid } }', {});
    expect(anonymous.message).toMatch(/^Query\.me: needs a signed-in user/);
    expect(anonymous.message).not.toMatch(/x-api-key/);
  });

  it('an API key without the scope is told which scope, for fields either kind of caller may use too', async () => {
    const { message } = await error('{ qrCodeQuota { limitedUsed } }', { 'x-api-key': stack.keys.analytics });
    expect(message).toBe('Query.qrCodeQuota needs an API key with the scope qrcode:create; the key "analytics" does not hold it.');
    const both = await error('mutation { checkText(input: { content: "hi", scene: COMMENT }) { suggest } }', {});
    expect(both.message).toMatch(/needs an API key with the scope security:check \(in the x-api-key header\), or a signed-in user/);
  });

  it('names app kinds with the right article', async () => {
    const { message, extensions } = await error('{ officialAccountAnalytics(app: "miniprogram") { __typename } }', { 'x-api-key': stack.keys.admin });
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(message).toBe('App "miniprogram" is a mini program; this field needs an Official Account such as "officialAccount".');
  });
});
