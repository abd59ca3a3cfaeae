import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { argChoices, buildOperation, extractUploads, fieldTargets, hostileUpload, TINY_PNG, type Known, type Upload } from '../helpers/arbitraries.ts';
import type { Stack } from '../helpers/stack.ts';
import {
  assertClean,
  checkProperty,
  credentials,
  describeExchange,
  exchange,
  expectHealthy,
  looksSecret,
  postMultipart,
  refusedAsBadInput,
  startBadInputStack,
  type Exchange,
  type Principal,
} from './bad-input-harness.ts';

/**
 * GraphQL multipart uploads (the spec yoga implements): every field with a `File` argument
 * gets generated arguments with hostile files in them (empty, 5 MB, wrong type, lying image
 * headers, traversal names), and the multipart envelope itself is mangled.
 */

const RUNS = 20;
const uploadTargets = fieldTargets(schema).targets.filter((t) => t.uploads);

let stack: Stack;
let session: { token: string; openid: string };
const known: Known = { openids: [] };
beforeAll(async () => {
  ({ stack, session } = await startBadInputStack());
  known.openids.push(session.openid);
});
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await expectHealthy(stack);
});

const CHECK_IMAGE = 'mutation BadInput($image: File!) { checkImage(image: $image) { __typename } }';
const file = (bytes: Uint8Array, name = 'a.png', type = 'image/png'): Upload => ({ bytes, name, type });
const pngClaiming = (width: number, height: number) => {
  const bytes = Buffer.concat([Buffer.from(TINY_PNG)]);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return new Uint8Array(bytes);
};

function expectBadUserInput(x: Exchange, pattern?: RegExp) {
  assertClean(x);
  expect(x.json?.errors?.map((e) => e.extensions?.code), describeExchange(x)).toEqual(['BAD_USER_INPUT']);
  if (pattern) expect(String(x.json?.errors?.[0]?.message), describeExchange(x)).toMatch(pattern);
  expect(x.upstreamCalls, describeExchange(x)).toBe(0);
}

/** A multipart request assembled by hand, to mangle the envelope. */
function rawMultipart(parts: [string, string | Blob, string?][], label: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  return exchange(stack, { headers: { 'x-api-key': stack.keys.admin, ...headers }, body: form }, label);
}
const pngBlob = () => new Blob([TINY_PNG as Uint8Array<ArrayBuffer>], { type: 'image/png' });

describe('generated uploads', () => {
  it('covers every field with a File argument', () => {
    expect(uploadTargets.map((t) => t.coordinate).sort()).toEqual(expect.arrayContaining(['Mutation.checkImage', 'Mutation.sendCustomerServiceMessage']));
  });

  for (const target of uploadTargets) {
    const principals: Principal[] = ['admin', 'admin', 'admin', 'none', 'session', 'unknownKey'];
    it(`${target.coordinate}: hostile files in generated arguments (${RUNS} runs)`, { timeout: 60_000 }, () =>
      checkProperty(
        `uploads/${target.coordinate}`,
        fc
          .record({
            args: fc.boolean().chain((plausible) => argChoices(target.field.args, { known, uploads: true, plausible })),
            principal: fc.constantFrom(...principals),
          })
          .filter(({ args }) => !looksSecret(args)),
        async ({ args, principal }) => {
          const { query, variables } = buildOperation(target, args, 'variables');
          const { variables: rest, files } = extractUploads(variables);
          const x = await postMultipart(stack, { query, variables: rest }, files, credentials(stack, principal, session.token));
          const extra = refusedAsBadInput(x) && x.upstreamCalls > 0 ? [`refused as BAD_USER_INPUT after ${x.upstreamCalls} WeChat call(s)`] : [];
          assertClean(x, extra);
        },
        RUNS,
      ),
    );
  }

  it(`checkImage: any hostile file is refused before WeChat or checked (${RUNS} runs)`, { timeout: 60_000 }, () =>
    checkProperty(
      'uploads/checkImage-files',
      hostileUpload,
      async (upload) => {
        const x = await postMultipart(stack, { query: CHECK_IMAGE, variables: { image: null } }, [{ path: 'variables.image', upload }], credentials(stack, 'admin', ''));
        assertClean(x);
        if (x.json?.errors) expectBadUserInput(x);
      },
      RUNS,
    ),
  );
});

describe('hostile files', () => {
  const send = (upload: Upload) => postMultipart(stack, { query: CHECK_IMAGE, variables: { image: null } }, [{ path: 'variables.image', upload }], credentials(stack, 'admin', ''));

  it('refuses an empty file, a 5 MB file and a non-image with BAD_USER_INPUT before WeChat', async () => {
    expectBadUserInput(await send(file(new Uint8Array(0))), /empty/);
    expectBadUserInput(await send(file(new Uint8Array(5 * 1024 * 1024))), /over WeChat's limit/);
    expectBadUserInput(await send(file(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), 'a.png', 'image/png')), /not a PNG/);
    expectBadUserInput(await send(file(TINY_PNG.slice(0, 20))), /not a PNG/);
  });

  it('refuses an image whose header claims a huge size without decoding it', async () => {
    expectBadUserInput(await send(file(pngClaiming(2 ** 32 - 1, 2 ** 31))), /pixels/);
    expectBadUserInput(await send(file(pngClaiming(751, 1334))), /pixels/);
  });

  it('checks a real image whatever its name and declared type', async () => {
    for (const [name, type] of [
      ['../../etc/passwd', 'text/plain'],
      ['a\u0000.png', ''],
      [`${'n'.repeat(2000)}.png`, 'image/svg+xml'],
      ['\u202egnp.exe', 'application/octet-stream'],
    ] as const) {
      const x = await send(file(TINY_PNG, name, type));
      assertClean(x);
      expect(x.json?.errors, describeExchange(x)).toBeUndefined();
    }
  });

  it('refuses a file mapped onto a String argument with BAD_USER_INPUT, without describing the upload object', async () => {
    const x = await postMultipart(
      stack,
      { query: 'mutation BadInput($app: String, $image: File!) { checkImage(app: $app, image: $image) { __typename } }', variables: { app: null, image: null } },
      [
        { path: 'variables.app', upload: file(TINY_PNG) },
        { path: 'variables.image', upload: file(TINY_PNG) },
      ],
      credentials(stack, 'admin', ''),
    );
    expectBadUserInput(x);
  });

  it('sends no upload when the caller may not check images', async () => {
    for (const principal of ['none', 'session', 'wrongScope'] as const) {
      const x = await postMultipart(stack, { query: CHECK_IMAGE, variables: { image: null } }, [{ path: 'variables.image', upload: file(TINY_PNG) }], credentials(stack, principal, session.token));
      assertClean(x);
      expect(x.json?.errors?.map((e) => e.extensions?.code), describeExchange(x)).toEqual([principal === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      expect(x.upstreamCalls).toBe(0);
    }
  });
});

describe('mangled multipart envelopes', () => {
  const operations = JSON.stringify({ query: CHECK_IMAGE, variables: { image: null } });

  it('refuses a missing, non-JSON or non-string operations/map field with a clear error', async () => {
    const cases: [string, [string, string | Blob, string?][]][] = [
      ['no operations', [['map', '{"0":["variables.image"]}'], ['0', pngBlob(), 'a.png']]],
      ['operations not JSON', [['operations', '{'], ['map', '{"0":["variables.image"]}'], ['0', pngBlob(), 'a.png']]],
      ['map not JSON', [['operations', operations], ['map', '{'], ['0', pngBlob(), 'a.png']]],
      ['operations is a file', [['operations', pngBlob(), 'o.json'], ['map', '{}']]],
      ['map is a file', [['operations', operations], ['map', pngBlob(), 'm.json']]],
    ];
    for (const [label, parts] of cases) {
      const x = await rawMultipart(parts, label);
      expect(x.status, describeExchange(x)).toBeLessThan(500);
      assertClean(x);
      expect(x.json?.errors?.length, describeExchange(x)).toBeGreaterThan(0);
    }
  });

  it('refuses operations that are JSON but not an object with a clear error', async () => {
    for (const value of ['"str"', 'null', '5', 'true']) assertClean(await rawMultipart([['operations', value], ['map', '{"0":["variables.image"]}'], ['0', pngBlob(), 'a.png']], `operations ${value}`));
  });

  it('refuses map entries that are not lists of paths with a clear error', async () => {
    for (const map of ['{"0":5}', '{"0":null}', '{"0":{}}', '{"0":[5]}', '{"0":[null]}', '{"0":[["variables.image"]]}'])
      assertClean(await rawMultipart([['operations', operations], ['map', map], ['0', pngBlob(), 'a.png']], `map ${map}`));
  });

  it('does not let a map path pollute prototypes', async () => {
    for (const path of ['variables.__proto__.polluted', 'variables.constructor.prototype.polluted', '__proto__.polluted', 'variables.image.__proto__.polluted'])
      assertClean(await rawMultipart([['operations', operations], ['map', JSON.stringify({ 0: [path] })], ['0', pngBlob(), 'a.png']], `map ${path}`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers maps that point nowhere, at missing files or at other fields cleanly', async () => {
    const cases: [string, string][] = [
      ['missing file', '{"0":["variables.image"]}'],
      ['nowhere', '{"0":["variables.a.b.c.d"]}'],
      ['query', '{"0":["query"]}'],
      ['operationName', '{"0":["operationName"]}'],
      ['variables', '{"0":["variables"]}'],
      ['a string, not a list', '{"0":"variables.image"}'],
    ];
    for (const [label, map] of cases) assertClean(await rawMultipart([['operations', operations], ['map', map]], `map to ${label}`));
  });

  it('answers 200 files for one variable cleanly', async () => {
    const parts: [string, string | Blob, string?][] = [
      ['operations', operations],
      ['map', JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [String(i), ['variables.image']])))],
      ...Array.from({ length: 200 }, (_, i): [string, Blob, string] => [String(i), pngBlob(), `${i}.png`]),
    ];
    assertClean(await rawMultipart(parts, '200 files'));
  });

  it('refuses a multipart body without the CSRF header or any credential (403 JSON)', async () => {
    const form = new FormData();
    form.append('operations', operations);
    form.append('map', '{"0":["variables.image"]}');
    form.append('0', pngBlob(), 'a.png');
    const x = await exchange(stack, { body: form }, 'multipart without CSRF header');
    expect(x.status).toBe(403);
    assertClean(x);
  });

  it('refuses broken multipart framing with a 4xx JSON error', async () => {
    for (const [type, body] of [
      ['multipart/form-data', 'garbage'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}'],
      ['multipart/form-data; boundary=x', '--y--'],
      ['multipart/form-data; boundary=', ''],
    ] as const) {
      const x = await exchange(stack, { headers: { 'x-api-key': stack.keys.admin, 'content-type': type }, body }, `${type}: ${body}`);
      assertClean(x);
      expect(x.json?.errors?.length).toBeGreaterThan(0);
    }
  });

  it('answers random operations and map fields cleanly (60 runs)', () =>
    checkProperty(
      'uploads/random-envelopes',
      fc.record({
        operations: fc.oneof(fc.constant(operations), fc.json({ maxDepth: 2 }), fc.string({ maxLength: 20 })),
        map: fc.oneof(
          fc.json({ maxDepth: 3 }),
          fc.dictionary(fc.constantFrom('0', '1', '__proto__'), fc.oneof(fc.array(fc.constantFrom('variables.image', 'variables', 'query', 'variables.__proto__.x', ''), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 2 }).map((map) => JSON.stringify(map)),
        ),
        withFile: fc.boolean(),
      }),
      async ({ operations: ops, map, withFile }) => {
        const parts: [string, string | Blob, string?][] = [
          ['operations', ops],
          ['map', map],
        ];
        if (withFile) parts.push(['0', pngBlob(), 'a.png']);
        assertClean(await rawMultipart(parts, `operations=${ops} map=${map}${withFile ? ' + file 0' : ''}`));
      },
      60,
    ));
});
