import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { argChoices, buildOperation, fieldTargets, selectionFor, type ArgChoice, type FieldTarget, type Known } from '../helpers/arbitraries.ts';
import type { Stack } from '../helpers/stack.ts';
import {
  assertClean,
  checkProperty,
  credentials,
  describeExchange,
  expectHealthy,
  looksSecret,
  postJson,
  startBadInputStack,
  subscribeOnce,
  type Exchange,
  type Principal,
} from './bad-input-harness.ts';

/**
 * Every field that takes arguments, called with arguments fast-check builds from their types:
 * hostile strings (1 MB, control characters, RTL, injections, traversal), Int edges, unknown
 * enum values, 10 000-item lists, input objects with fields missing or extra, null where
 * non-null, as variables or inline literals, as the admin, as nobody, as a signed-in user.
 */

const RUNS = { admin: 30, unprivileged: 15, session: 25 };
const { targets, uncovered } = fieldTargets(schema);

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

interface GeneratedCall {
  args: Record<string, ArgChoice>;
  parentArgs: Record<string, ArgChoice>;
  mode: 'variables' | 'literals';
}

/** Half the runs hostile throughout, half plausible (to get past validation into resolvers and WeChat). */
const generatedCall = (target: FieldTarget): fc.Arbitrary<GeneratedCall> =>
  fc
    .boolean()
    .chain((plausible) =>
      fc.record({
        args: argChoices(target.field.args, { known, huge: !plausible, plausible }),
        parentArgs: target.parent ? argChoices(target.parent.args, { known, plausible }) : fc.constant({}),
        mode: fc.oneof({ weight: 3, arbitrary: fc.constant('variables' as const) }, { weight: 1, arbitrary: fc.constant('literals' as const) }),
      }),
    )
    .filter((call) => !looksSecret(call.args) && !looksSecret(call.parentArgs));

const withPrincipal = (call: GeneratedCall, principal: Principal) => ({ ...call, principal });

async function call(target: FieldTarget, generated: GeneratedCall, principal: Principal): Promise<Exchange | 'accepted'> {
  const { query, variables } = buildOperation(target, generated.args, generated.mode, generated.parentArgs);
  const headers = credentials(stack, principal, session.token);
  // The analytics key is the right one for analytics and publisher fields; another key lacks the scope there.
  if (principal === 'wrongScope' && /analytics|publisher/i.test(target.coordinate + (target.parent?.name ?? ''))) headers['x-api-key'] = stack.keys.logs;
  if (target.operation === 'subscription') return subscribeOnce(stack, { query, variables }, headers);
  return postJson(stack, { query, variables }, headers, `[${principal}] ${query} variables=${JSON.stringify(variables)}`);
}

/** How the generated calls were answered, per field (printed with BAD_INPUT_STATS=1). */
const outcomes = new Map<string, Record<string, number>>();
function tally(coordinate: string, x: Exchange | 'accepted') {
  const kind =
    x === 'accepted'
      ? 'subscribed'
      : x.status >= 400
        ? `http ${x.status}`
        : x.json?.errors?.length
          ? `${String(x.json.errors[0]?.extensions?.code)}${x.upstreamCalls ? ' after WeChat' : ''}`
          : 'answered';
  const counts = outcomes.get(coordinate) ?? {};
  counts[kind] = (counts[kind] ?? 0) + 1;
  outcomes.set(coordinate, counts);
}
afterAll(() => {
  if (process.env.BAD_INPUT_STATS) for (const [coordinate, counts] of outcomes) console.log(coordinate, JSON.stringify(counts));
});

/**
 * Clean. (Whether refused input reached WeChat is checked in 'typed refusals' below: here some
 * refusals rightly need WeChat first, e.g. a templateId that is not one of the app's templates.)
 */
function assertCleanRefusal(x: Exchange | 'accepted', coordinate?: string) {
  if (coordinate) tally(coordinate, x);
  if (x !== 'accepted') assertClean(x);
}

const PUBLIC_SIGN_IN = new Set(['login', 'webLogin', 'webAuthorizationUrl']);

describe('generated arguments', () => {
  it('reaches every field that takes arguments', () => {
    expect(uncovered).toEqual([]);
    expect(targets.filter((t) => t.operation === 'mutation').length).toBeGreaterThanOrEqual(15);
  });

  for (const target of targets) {
    describe(target.coordinate, () => {
      it(`with the admin key (${RUNS.admin} runs)`, { timeout: 60_000 }, () =>
        checkProperty(`${target.coordinate}/admin`, generatedCall(target), async (generated) => assertCleanRefusal(await call(target, generated, 'admin'), target.coordinate), RUNS.admin),
      );

      const others: Principal[] = ['none', 'wrongScope', 'unknownKey', 'garbageBearer', 'unknownSession', ...(target.session ? [] : ['session' as const])];
      it(`without the right credentials (${RUNS.unprivileged} runs)`, { timeout: 60_000 }, () =>
        checkProperty(
          `${target.coordinate}/unprivileged`,
          fc.tuple(generatedCall(target), fc.constantFrom(...others)).map(([generated, principal]) => withPrincipal(generated, principal)),
          async (generated) => {
            const x = await call(target, generated, generated.principal);
            assertCleanRefusal(x);
            // Nobody without the right credentials gets an answer, a subscription, or reaches WeChat
            // (but the sign-in fields, which are public: they exist to turn a WeChat code into a session).
            if (!PUBLIC_SIGN_IN.has(target.field.name)) {
              if (x === 'accepted') throw new Error(`subscription accepted for ${generated.principal}`);
              expect(x.json?.errors?.length, describeExchange(x)).toBeGreaterThan(0);
              expect(x.upstreamCalls, describeExchange(x)).toBe(0);
            }
          },
          RUNS.unprivileged,
        ),
      );

      if (target.session)
        it(`as a signed-in user (${RUNS.session} runs)`, { timeout: 60_000 }, () =>
          checkProperty(`${target.coordinate}/session`, generatedCall(target), async (generated) => assertCleanRefusal(await call(target, generated, 'session'), `${target.coordinate} (session)`), RUNS.session),
        );
    });
  }
});

/** Every input position of the target's arguments whose named type satisfies `match`, as a path of names. */
function positions(type: GraphQLInputType, match: (type: GraphQLInputType) => boolean, path: string[] = [], depth = 0): { path: string[]; type: GraphQLInputType }[] {
  if (depth > 4) return [];
  const named = getNamedType(type);
  const found = match(named) ? [{ path, type }] : [];
  if (isInputObjectType(named))
    for (const field of Object.values(named.getFields())) found.push(...positions(field.type, match, [...path, field.name], depth + 1));
  return found;
}

/** An argument value with `value` at `path` inside (lists get one item). */
function placeAt(type: GraphQLInputType, path: string[], value: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [placeAt(inner.ofType, path, value)];
  if (!path.length) return value;
  const named = getNamedType(inner);
  if (!isInputObjectType(named)) return value;
  const field = named.getFields()[path[0]!]!;
  const base = filler(named) as Record<string, unknown>;
  return named.isOneOf ? { [field.name]: placeAt(field.type, path.slice(1), value) } : { ...base, [field.name]: placeAt(field.type, path.slice(1), value) };
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** The smallest well-typed value (to fill the other required arguments while one is under test). */
function filler(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    if (inner.isOneOf) {
      const simple = fields.find((f) => isScalarType(getNamedType(f.type)) && getNamedType(f.type).name !== 'File') ?? fields[0]!;
      return { [simple.name]: filler(simple.type) };
    }
    return Object.fromEntries(fields.filter((f) => isNonNullType(f.type)).map((f) => [f.name, filler(f.type)]));
  }
  const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, Date: yesterday(), DateTime: new Date(Date.now() + 86_400_000).toISOString(), JSON: {} };
  return scalars[getNamedType(inner).name] ?? 'x';
}

/**
 * Calls the target as the admin with one argument's value in `$v` (or `$v` unprovided), the other
 * required arguments filled with well-typed values.
 */
async function sendArgument(target: FieldTarget, argName: string, value: unknown, provide = true): Promise<Exchange> {
  const declarations: string[] = [];
  const parts: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of target.field.args) {
    if (arg.name === argName) {
      declarations.push(`$v: ${String(arg.type)}`);
      parts.push(`${arg.name}: $v`);
      if (provide) variables.v = value;
    } else if (isNonNullType(arg.type)) {
      declarations.push(`$o_${arg.name}: ${String(arg.type)}`);
      parts.push(`${arg.name}: $o_${arg.name}`);
      variables[`o_${arg.name}`] = filler(arg.type);
    }
  }
  const call = `${target.field.name}(${parts.join(', ')})${selectionFor(target.field.type)}`;
  const query = `${target.operation} BadInput(${declarations.join(', ')}) { ${target.parent ? `${target.parent.name} { ${call} }` : call} }`;
  return postJson(stack, { query, variables }, credentials(stack, 'admin', session.token), `${query} variables=${JSON.stringify(variables)?.slice(0, 400)}`);
}

/** The errors about `$v` (the other arguments may be refused too, e.g. a File sent as JSON). */
const errorsAboutV = (x: Exchange) => (x.json?.errors ?? []).filter((e) => String(e.message).includes('"$v"'));

function expectBadUserInput(x: Exchange) {
  assertClean(x);
  expect(x.json?.errors?.length, describeExchange(x)).toBeGreaterThan(0);
  expect(
    x.json?.errors?.map((e) => e.extensions?.code),
    describeExchange(x),
  ).toEqual(x.json?.errors?.map(() => 'BAD_USER_INPUT'));
  expect(x.upstreamCalls, describeExchange(x)).toBe(0);
}

const queryAndMutationTargets = targets.filter((t) => t.operation !== 'subscription');
const argPositions = (match: (type: GraphQLInputType) => boolean) =>
  queryAndMutationTargets.flatMap((target) => target.field.args.flatMap((arg) => positions(arg.type, match).map((position) => ({ target, arg, ...position }))));

describe('typed refusals', () => {
  const intPositions = argPositions((type) => getNamedType(type).name === 'Int');
  it(`refuses Int values outside 32 bits or not integers with BAD_USER_INPUT (${intPositions.length} positions × 10 runs)`, { timeout: 60_000 }, async () => {
    expect(intPositions.length).toBeGreaterThan(0);
    for (const { target, arg, path } of intPositions)
      await checkProperty(
        `int/${target.coordinate}/${arg.name}/${path.join('.')}`,
        fc.oneof(
          fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -(2 ** 31) - 1 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
          fc.constantFrom(1e21, -1e21, '7', true),
        ),
        async (value) => expectBadUserInput(await sendArgument(target, arg.name, placeAt(arg.type, path, value))),
        10,
      );
  });

  const enumPositions = argPositions((type) => isEnumType(getNamedType(type)));
  it(`refuses unknown enum values with BAD_USER_INPUT (${enumPositions.length} positions × 10 runs)`, { timeout: 60_000 }, async () => {
    expect(enumPositions.length).toBeGreaterThan(0);
    for (const { target, arg, path, type } of enumPositions) {
      const named = getNamedType(type);
      const values = new Set(isEnumType(named) ? named.getValues().map((v) => v.name) : []);
      await checkProperty(
        `enum/${target.coordinate}/${arg.name}/${path.join('.')}`,
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', ...[...values].map((v) => v.toLowerCase()))).filter((v) => !values.has(v)),
        async (value) => expectBadUserInput(await sendArgument(target, arg.name, placeAt(arg.type, path, value))),
        10,
      );
    }
  });

  const objectArgs = queryAndMutationTargets.flatMap((target) => target.field.args.filter((arg) => isInputObjectType(getNamedType(arg.type))).map((arg) => ({ target, arg })));
  it(`refuses input objects with __proto__, constructor or unknown fields with BAD_USER_INPUT (${objectArgs.length} arguments)`, async () => {
    expect(objectArgs.length).toBeGreaterThan(0);
    for (const { target, arg } of objectArgs)
      for (const key of ['__proto__', 'constructor', 'prototype', 'zzz']) {
        const x = await sendArgument(target, arg.name, placeAt(arg.type, [], Object.fromEntries([[key, { polluted: true }]])));
        expectBadUserInput(x);
        expect(x.json?.errors?.map((e) => e.message).join(' '), describeExchange(x)).toContain(key);
      }
  });

  const listArgs = queryAndMutationTargets.flatMap((target) => target.field.args.filter((arg) => isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)).map((arg) => ({ target, arg })));
  it(`answers 10 000-item lists cleanly, refused ones before any WeChat call (${listArgs.length} arguments)`, async () => {
    expect(listArgs.length).toBeGreaterThan(0);
    for (const { target, arg } of listArgs) {
      const named = getNamedType(arg.type);
      const item = isEnumType(named) ? named.getValues()[0]!.name : isInputObjectType(named) ? { key: 'thing1', value: 'v' } : session.openid;
      const x = await sendArgument(target, arg.name, new Array(10_000).fill(item));
      assertCleanRefusal(x);
    }
  });

  const requiredArgs = queryAndMutationTargets.flatMap((target) => target.field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => ({ target, arg })));
  it(`refuses null and missing values for required arguments with BAD_USER_INPUT (${requiredArgs.length} arguments)`, async () => {
    expect(requiredArgs.length).toBeGreaterThan(0);
    // One line per kind of answer, listing the arguments that got it.
    const failures = new Map<string, string[]>();
    for (const { target, arg } of requiredArgs) {
      for (const x of [await sendArgument(target, arg.name, null), await sendArgument(target, arg.name, undefined, false)]) {
        assertClean(x);
        const about = errorsAboutV(x);
        const codes = about.map((e) => e.extensions?.code ?? null);
        if (codes.length && codes.every((code) => code === 'BAD_USER_INPUT')) continue;
        const shape = `HTTP ${x.status}, codes ${JSON.stringify(codes)}: ${String(about[0]?.message ?? x.text.slice(0, 120)).replace(/"[^"]*!"/, '"<T>!"')}`;
        failures.set(shape, [...(failures.get(shape) ?? []), `${target.coordinate}(${arg.name})`]);
      }
    }
    expect([...failures].map(([shape, where]) => `${shape} — ${where.length} arguments, e.g. ${where.slice(0, 3).join(', ')}`)).toEqual([]);
  });
});
