import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { PNG } from 'pngjs';
import { authRule } from '../../src/graphql/auth-rules.ts';

/**
 * fast-check arbitraries for hostile GraphQL input, driven by the schema: every argument of
 * every field gets values built from its type (well-typed but hostile most of the time, the
 * wrong type, null or absent some of the time), and documents are built around them.
 */

export const MB = 1024 * 1024;

/** Text that has broken parsers, loggers, SQL, templates, shells and file paths before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\u0007\u001b[31mred\u001b[0m\b\f\v',
  '\r\nX-Injected: 1\r\n\r\n',
  '\u2028\u2029\u0085',
  '\ufeff\u200b\u200c\u200d\u2060',
  '\u202egnp.exe',
  '\u202e\u2066abc\u2069\u200f',
  'مرحبا بالعالم',
  'שָׁלוֹם עוֹלָם',
  '😀',
  '👨‍👩‍👧‍👦🏳️‍🌈🇨🇳',
  'Z̸̢̛̗a̶͓l̷̙g̴̱o̸̟',
  '𝕿𝖊𝖘𝖙 ｆｕｌｌ 中文测试 日本語 한국어',
  '\ud800',
  '\udfff\ud800',
  'a\ud83db',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '<%= 7*7 %>',
  '${jndi:ldap://127.0.0.1/a}',
  '`id`$(id); ls -la | cat',
  '%s%s%s%n%x%x',
  '{0}{1}{__proto__}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '....//....//etc',
  '/etc/passwd\u0000.png',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '\\\\server\\share',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  '{"__proto__":{"polluted":1}}',
  '{"$gt":""}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'true',
  '0x7fffffff',
  '[object Object]',
];

/** About 1 MB each (in UTF-8). Shared, so the many runs that draw one do not allocate it again. */
export const HUGE_STRINGS: readonly string[] = ['x'.repeat(MB), '中'.repeat(MB / 3), '😀'.repeat(MB / 4), 'a\u0000'.repeat(MB / 2)];

const controlString = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 24 });
const nasty = fc.constantFrom(...NASTY_STRINGS);
const urlSafe = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: min, maxLength: max });

/** Values the test learns at run time (a signed-in user's openid), to reach deeper than validation. */
export interface Known {
  openids: string[];
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Values that pass (or nearly pass) the gateway's validation for an argument of this name. */
function plausible(name: string, known: Known): fc.Arbitrary<string> {
  const key = name.toLowerCase();
  if (key === 'app') return fc.constantFrom('miniprogram', 'officialAccount', 'nope', 'MINIPROGRAM', '__proto__', 'constructor', 'wx0000000000000000');
  if (key.includes('openid'))
    return fc.oneof(
      fc.constantFrom(...(known.openids.length ? known.openids : ['oAAAAAAAAAAAAAAAAAAAAAAAAAAA'])),
      urlSafe(16, 40).map((s) => `o${s}`),
      urlSafe(0, 15),
    );
  if (key === 'appid') return fc.constantFrom('wx0123456789abcdef', 'wxZZ', '');
  if (key === 'code') return fc.oneof(urlSafe(1, 40), fc.constant('a'.repeat(129)));
  if (key === 'encrypteddata' || key === 'iv')
    return fc
      .tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom<BufferEncoding>('base64', 'base64url', 'hex'))
      .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding));
  if (key === 'path' || key === 'page' || key === 'pagepath')
    return fc.constantFrom('pages/index/index', '/cgi-bin/message/custom/send', '/wxa/msg_sec_check', 'pages/../../etc', '/', 'pages/product/detail?id=7');
  if (key.endsWith('url'))
    return fc.constantFrom('https://example.com/a.png', 'http://example.com/a.mp3', 'pages/index/index', 'https://wxaurl.cn/BQZRrcFCPvg', 'ftp://x/y');
  if (key === 'urllink') return fc.constantFrom('https://wxaurl.cn/BQZRrcFCPvg', 'https://wxaurl.cn/', 'https://evil.example/x');
  if (key === 'scheme') return fc.constantFrom('weixin://dl/business/?t=3uGqLFHHS3r', 'weixin://dl/business/?', 'weixin://x');
  if (key === 'rid') return fc.constantFrom('654e0b13-0f2e7229-0494092b', '654e0b13', 'zzzzzzzz-zzzzzzzz-zzzzzzzz');
  if (key === 'scene') return fc.oneof(urlSafe(1, 32), fc.constant('a=1&b=2'), fc.constant('x'.repeat(33)));
  if (key === 'query') return fc.constantFrom('a=1&b=2', 'id=7', '%%%', '');
  if (key === 'templateid') return urlSafe(1, 43);
  if (key === 'key') return fc.constantFrom('thing1', 'date2', 'character_string10', 'phrase3', 'number4', 'thing', '1thing');
  if (key === 'idempotencykey') return fc.oneof(fc.uuid(), urlSafe(1, 129));
  if (key === 'mediaid') return urlSafe(1, 64);
  if (key === 'after') return fc.oneof(urlSafe(0, 40), fc.constant(Buffer.from('{"offset":-1}').toString('base64')));
  if (['mchid', 'transactionid', 'outtradeno'].includes(key)) return fc.stringMatching(/^[0-9]{1,32}$/);
  return fc.string({ maxLength: 30 });
}

/** A hostile string for an argument or input field called `name`; `huge` allows ~1 MB values. */
export function hostileString(name: string, known: Known, huge = false): fc.Arbitrary<string> {
  const likely = plausible(name, known);
  return fc.oneof(
    { weight: 5, arbitrary: likely },
    { weight: 3, arbitrary: nasty },
    { weight: 2, arbitrary: fc.tuple(likely, nasty, fc.boolean()).map(([good, bad, first]) => (first ? bad + good : good + bad)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: controlString },
    ...(huge ? [{ weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) }] : []),
  );
}

/** Both ends of Int (and just past them), the page-size limits, and non-integers. */
export const INT_EDGES = [0, -1, 1, 100, 1000, 10_000, 10_001, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, -(2 ** 53 - 1), 1e21];
export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INT_EDGES) },
  { weight: 3, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 20_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom('1', '0x10', '', '1e3') },
);
export const hostileFloat: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 0.1 + 0.2),
  fc.constantFrom('1.5', 'NaN'),
);

/** Objects whose keys have polluted prototypes elsewhere. Own properties, so JSON carries them. */
export const protoKeyObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, 1))
  .map(([key, value]) => Object.fromEntries([[key, value]]));

/** A value of the wrong type for wherever it lands. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 10 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  protoKeyObject,
);

const dateString = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map(daysAgo),
  fc.date({ min: new Date('2013-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', '2023-02-29', '0000-01-01', '9999-12-31', '2014-11-30', '2014-12-01', '+275760-09-13', '2024-1-1', '2024/01/01', '20240101', 'yesterday', '2024-01-01T00:00:00Z'),
);
const dateTimeString = fc.oneof(
  fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -5, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
  fc.constantFrom('2024-02-30T00:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01', '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00+99:00', 'now'),
);

/** A file the GraphQL multipart request will carry. */
export interface Upload {
  bytes: Uint8Array;
  name: string;
  type: string;
}
/** Marks where in the variables a file goes; the harness turns it into a multipart `map` entry. */
export class UploadSlot {
  constructor(readonly upload: Upload) {}
  toString() {
    return `Upload(${this.upload.name}, ${this.upload.type}, ${this.upload.bytes.length} bytes)`;
  }
}

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
}
/** A PNG signature and IHDR that claim any size, followed by nothing real. */
function pngHeader(width: number, height: number, tail = 0): Uint8Array {
  const bytes = Buffer.alloc(33 + tail);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(bytes, 0);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return new Uint8Array(bytes);
}
const withMagic = (magic: number[]) => fc.uint8Array({ maxLength: 64 }).map((rest) => new Uint8Array([...magic, ...rest]));

export const TINY_PNG = png(8, 8);
const FIVE_MB = new Uint8Array(5 * MB);

/** Uploads that are empty, too big, lie about their type, or only look like images. */
export const hostileUpload: fc.Arbitrary<Upload> = fc
  .tuple(
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(TINY_PNG) },
      { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
      { weight: 1, arbitrary: fc.constant(FIVE_MB) },
      { weight: 1, arbitrary: fc.constant(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))) },
      { weight: 1, arbitrary: fc.constant(new Uint8Array(Buffer.from('MZ\u0090\u0000 not an image at all'))) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(0, 1, 750, 751, 1334, 1335, 65_535, 2 ** 32 - 1), fc.constantFrom(0, 1, 1334, 1335, 2 ** 31)).map(([w, h]) => pngHeader(w, h)) },
      { weight: 1, arbitrary: withMagic([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]) },
      { weight: 2, arbitrary: withMagic([0xff, 0xd8]) },
      { weight: 1, arbitrary: withMagic([0x89, 0x50, 0x4e, 0x47]) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    ),
    fc.constantFrom('a.png', 'a.jpg', 'a.gif', 'a.txt', '', '../../etc/passwd', 'a\u0000.png', `${'n'.repeat(2000)}.png`, '图片.png', '\u202egnp.exe'),
    fc.constantFrom('image/png', 'image/jpeg', 'text/plain', 'application/octet-stream', 'image/svg+xml', 'text/html', ''),
  )
  .map(([bytes, name, type]) => ({ bytes, name, type }));

export interface ValueOptions {
  known: Known;
  /**
   * Plausible values only (right types, required fields present, names that pass or nearly pass
   * validation), so runs get past the gateway's checks into the resolvers and to WeChat.
   */
  plausible?: boolean;
  /** Allow ~1 MB strings (top-level arguments only, so a 10 000-item list stays small). */
  huge?: boolean;
  /** `File` values become real multipart uploads (else they are garbage in JSON). */
  uploads?: boolean;
}

/** Any value for a position of this GraphQL input type: hostile, wrong-typed or null. */
export function inputValue(type: GraphQLInputType, name: string, options: ValueOptions, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return garbage;
  if (options.plausible) {
    if (isNonNullType(type)) return plausibleValue(type.ofType, name, options, depth);
    return fc.oneof({ weight: 2, arbitrary: plausibleValue(type, name, options, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 14, arbitrary: typedValue(type.ofType, name, options, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: garbage },
    );
  }
  return fc.oneof(
    { weight: 10, arbitrary: typedValue(type, name, options, depth) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: garbage },
  );
}

/** Ints that make sense for an argument or input field of this name. */
function plausibleInt(name: string): fc.Arbitrary<number> {
  const key = name.toLowerCase();
  if (key === 'width') return fc.integer({ min: 200, max: 1500 });
  if (key === 'r' || key === 'g' || key === 'b') return fc.integer({ min: -1, max: 256 });
  if (key === 'expireindays') return fc.integer({ min: 0, max: 31 });
  return fc.integer({ min: 0, max: 120 });
}

/** A well-typed value with plausible content (the happy path's neighbourhood). */
function plausibleValue(type: GraphQLInputType, name: string, options: ValueOptions, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausibleValue(type.ofType, name, options, depth);
  if (isListType(type)) return fc.array(plausibleValue(type.ofType, name, options, depth + 1), { minLength: 1, maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => options.uploads || getNamedType(field.type).name !== 'File');
    const entry = (field: (typeof fields)[number]) => inputValue(field.type, field.name, options, depth + 1).map((value) => [field.name, value] as const);
    if (type.isOneOf) return fc.constantFrom(...fields).chain(entry).map((e) => Object.fromEntries([e]));
    const present = fields.map((field) => (isNonNullType(field.type) ? entry(field) : fc.option(entry(field), { nil: undefined })));
    return fc.tuple(...present).map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)));
  }
  switch (getNamedType(type).name) {
    case 'String':
    case 'ID':
      return plausible(name, options.known);
    case 'Int':
      return plausibleInt(name);
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.integer({ min: 1, max: 60 }).map(daysAgo);
    case 'DateTime':
      return fc.integer({ min: 1, max: 40 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString());
    case 'File':
      return options.uploads ? hostileUpload.map((upload) => new UploadSlot(upload)) : fc.constant(null);
    default:
      return typedValue(type, name, options, depth);
  }
}

/** A value of the right shape (with hostile content) for a nullable type. */
function typedValue(type: GraphQLInputType, name: string, options: ValueOptions, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typedValue(type.ofType, name, options, depth);
  if (isListType(type)) {
    const small = { ...options, huge: false };
    const item = inputValue(type.ofType, name, small, depth + 1);
    const validItem = typedValue(type.ofType, name, small, depth + 1);
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: validItem.map((value) => new Array<unknown>(10_000).fill(value)) },
      { weight: 1, arbitrary: validItem },
      { weight: 1, arbitrary: fc.array(fc.array(validItem, { maxLength: 2 }), { minLength: 1, maxLength: 2 }) },
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom(...values).map((value) => value.toLowerCase()) },
      { weight: 1, arbitrary: hostileString(name, options.known) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: values.length }) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const entry = (field: (typeof fields)[number]) => inputValue(field.type, field.name, { ...options, huge: false }, depth + 1).map((value) => [field.name, value] as const);
    const extras = fc.oneof(
      { weight: 8, arbitrary: fc.constant([] as (readonly [string, unknown])[]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'zzz', '__typename', ''), garbage), { minLength: 1, maxLength: 2 }),
      },
    );
    if (type.isOneOf) {
      const one = fc.constantFrom(...fields).chain(entry);
      return fc
        .tuple(
          fc.oneof(
            { weight: 8, arbitrary: one.map((e) => [e]) },
            { weight: 1, arbitrary: fc.constant([]) },
            { weight: 1, arbitrary: fc.tuple(one, one).map(([a, b]) => [a, b]) },
            { weight: 1, arbitrary: fc.constantFrom(...fields).map((field) => [[field.name, null] as const]) },
          ),
          extras,
        )
        .map(([chosen, extra]) => Object.fromEntries([...chosen, ...extra]));
    }
    const present = fields.map((field) =>
      fc.oneof({ weight: isNonNullType(field.type) ? 10 : 3, arbitrary: entry(field) }, { weight: 1, arbitrary: fc.constant(undefined) }),
    );
    return fc.tuple(fc.tuple(...present), extras).map(([entries, extra]) => Object.fromEntries([...entries.filter((e) => e !== undefined), ...extra]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
      case 'ID':
        return hostileString(name, options.known, options.huge && depth === 0);
      case 'Int':
        return hostileInt;
      case 'Float':
        return hostileFloat;
      case 'Boolean':
        return fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom<unknown>('true', 0, 1) });
      case 'Date':
        return fc.oneof({ weight: 4, arbitrary: dateString }, { weight: 1, arbitrary: hostileString(name, options.known) }, { weight: 1, arbitrary: fc.integer() });
      case 'DateTime':
        return fc.oneof({ weight: 4, arbitrary: dateTimeString }, { weight: 1, arbitrary: hostileString(name, options.known) }, { weight: 1, arbitrary: fc.integer() });
      case 'JSON':
        return fc.jsonValue({ maxDepth: 3 });
      case 'File':
        return options.uploads
          ? fc.oneof({ weight: 8, arbitrary: hostileUpload.map((upload) => new UploadSlot(upload)) }, { weight: 1, arbitrary: garbage })
          : fc.oneof(garbage, fc.record({ name: fc.string(), size: fc.nat(), type: fc.string() }));
      default:
        return fc.oneof(hostileString(name, options.known), garbage);
    }
  }
  return garbage;
}

/** How an argument appears in a generated operation. */
export type ArgChoice =
  | { kind: 'value'; value: unknown }
  /** Not passed at all. */
  | { kind: 'omitted' }
  /** Declared as a variable that the request does not provide. */
  | { kind: 'unprovided' };

export function argChoice(arg: GraphQLArgument, options: ValueOptions): fc.Arbitrary<ArgChoice> {
  if (options.plausible)
    return isNonNullType(arg.type)
      ? inputValue(arg.type, arg.name, options).map((value): ArgChoice => ({ kind: 'value', value }))
      : fc.oneof(
          { weight: 3, arbitrary: inputValue(arg.type, arg.name, options).map((value): ArgChoice => ({ kind: 'value', value })) },
          { weight: 1, arbitrary: fc.constant<ArgChoice>({ kind: 'omitted' }) },
        );
  return fc.oneof(
    { weight: 16, arbitrary: inputValue(arg.type, arg.name, options).map((value): ArgChoice => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: fc.constant<ArgChoice>({ kind: 'omitted' }) },
    { weight: 1, arbitrary: fc.constant<ArgChoice>({ kind: 'unprovided' }) },
  );
}

export function argChoices(args: readonly GraphQLArgument[], options: ValueOptions): fc.Arbitrary<Record<string, ArgChoice>> {
  return fc.record(Object.fromEntries(args.map((arg) => [arg.name, argChoice(arg, options)])));
}

/** A field that takes arguments, and how to reach it from a root operation. */
export interface FieldTarget {
  coordinate: string;
  operation: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  /** For a field on a type a root field returns (e.g. `MiniProgramAnalytics.dailySummary`). */
  parent?: GraphQLField<unknown, unknown>;
  /** Its auth rule lets a signed-in user call it. */
  session: boolean;
  /** A `File` argument somewhere in its input. */
  uploads: boolean;
}

function takesFile(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'File') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => takesFile(field.type, seen));
}

/**
 * Every field with arguments on the root types, and on the types root fields return; `uncovered`
 * lists the fields with arguments that neither reaches (a test keeps it empty).
 */
export function fieldTargets(schema: GraphQLSchema): { targets: FieldTarget[]; uncovered: string[] } {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  const targets: FieldTarget[] = [];
  const make = (type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, operation: FieldTarget['operation'], parent?: GraphQLField<unknown, unknown>) => ({
    coordinate: `${type.name}.${field.name}`,
    operation,
    field,
    parent,
    session: /signed-in user/.test(authRule(type, field) ?? '') || (parent !== undefined && /signed-in user/.test(authRule(schema.getQueryType()!, parent) ?? '')),
    uploads: field.args.some((arg) => takesFile(arg.type)),
  });
  for (const [operation, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) if (field.args.length) targets.push(make(root, field, operation));
  }
  const query = schema.getQueryType()!;
  for (const parent of Object.values(query.getFields())) {
    const type = getNamedType(parent.type);
    if (!isObjectType(type) || parent.args.some((arg) => isNonNullType(arg.type))) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (field.args.length && !targets.some((t) => t.coordinate === coordinate)) targets.push(make(type, field, 'query', parent));
    }
  }
  const uncovered: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (field.args.length && !targets.some((t) => t.coordinate === coordinate)) uncovered.push(coordinate);
    }
  }
  return { targets, uncovered };
}

/** `{ __typename }` under anything that is not a scalar or enum. */
export const selectionFor = (type: GraphQLOutputType) => (isLeafType(getNamedType(type)) ? '' : ' { __typename }');

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Prints a JS value as a GraphQL literal, enum values bare where the type expects an enum. */
export function toLiteral(value: unknown, type?: GraphQLInputType): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (value instanceof UploadSlot) return 'null';
  if (typeof value === 'string') {
    const named = inner && getNamedType(inner);
    if (named && isEnumType(named) && NAME.test(value) && named.getValue(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => toLiteral(item, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const named = inner && getNamedType(inner);
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value)
      .filter(([key, item]) => NAME.test(key) && item !== undefined)
      .map(([key, item]) => `${key}: ${toLiteral(item, fields[key]?.type)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(String(value));
}

export interface BuiltOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** An operation calling the target with these arguments, as variables or inline literals. */
export function buildOperation(
  target: FieldTarget,
  args: Record<string, ArgChoice>,
  mode: 'variables' | 'literals',
  parentArgs: Record<string, ArgChoice> = {},
): BuiltOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const callArgs = (field: GraphQLField<unknown, unknown>, choices: Record<string, ArgChoice>, prefix: string) => {
    const parts: string[] = [];
    for (const arg of field.args) {
      const choice = choices[arg.name];
      if (!choice || choice.kind === 'omitted') continue;
      if (mode === 'literals') {
        if (choice.kind === 'value') parts.push(`${arg.name}: ${toLiteral(choice.value, arg.type)}`);
        continue;
      }
      const variable = `${prefix}${arg.name}`;
      declarations.push(`$${variable}: ${String(arg.type)}`);
      if (choice.kind === 'value') variables[variable] = choice.value;
      parts.push(`${arg.name}: $${variable}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  };
  const inner = `${target.field.name}${callArgs(target.field, args, 'a_')}${selectionFor(target.field.type)}`;
  const body = target.parent ? `${target.parent.name}${callArgs(target.parent, parentArgs, 'p_')} { ${inner} }` : inner;
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  return { query: `${target.operation} BadInput${header} { ${body} }`, variables };
}

/** Where the UploadSlots are, as multipart `map` paths, with the variables they leave behind (null). */
export function extractUploads(variables: Record<string, unknown>): { variables: Record<string, unknown>; files: { path: string; upload: Upload }[] } {
  const files: { path: string; upload: Upload }[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (value instanceof UploadSlot) {
      files.push({ path, upload: value.upload });
      return null;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}.${i}`));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, `${path}.${key}`)]));
    return value;
  };
  const rest = walk(variables, 'variables') as Record<string, unknown>;
  return { variables: rest, files };
}
