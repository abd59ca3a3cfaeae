import { describe, expect, it } from 'vitest';
import { readEmulatorEnv } from '../../src/emulator/env.ts';
import { CODE_TTL_SECONDS, DEV_APPS, EmulatorState } from '../../src/emulator/state.ts';

function stateAt(clock: { now: number }) {
  return new EmulatorState(DEV_APPS, { tokenTtlSeconds: 7200, now: () => clock.now });
}

const mp = DEV_APPS[0]!.appid;

describe('EmulatorState', () => {
  it('login codes expire after 300 s (40029)', () => {
    const clock = { now: 1_700_000_000_000 };
    const state = stateAt(clock);
    const fresh = state.mintCode(mp, 'login', 'u');
    const stale = state.mintCode(mp, 'login', 'u');
    clock.now += CODE_TTL_SECONDS * 1000;
    expect(state.redeemCode(mp, 'login', fresh).ok).toBe(true);
    clock.now += 1;
    expect(state.redeemCode(mp, 'login', stale)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a code belongs to one app and one kind', () => {
    const state = stateAt({ now: 0 });
    const code = state.mintCode(mp, 'phone');
    expect(state.redeemCode(DEV_APPS[1]!.appid, 'phone', code).ok).toBe(false);
    expect(state.redeemCode(mp, 'login', code).ok).toBe(false);
    expect(state.redeemCode(mp, 'phone', code).ok).toBe(true);
  });

  it('tokens live tokenTtlSeconds', () => {
    const clock = { now: 0 };
    const state = stateAt(clock);
    const { access_token } = state.issueClassicToken(mp);
    clock.now += 7199_000;
    expect(state.verifyToken(access_token).ok).toBe(true);
    clock.now += 1000;
    expect(state.verifyToken(access_token)).toEqual({ ok: false, error: 'accessTokenExpired' });
    // Refreshing after expiry keeps the old token answering 42001 rather than 40001.
    state.issueClassicToken(mp);
    expect(state.verifyToken(access_token)).toEqual({ ok: false, error: 'accessTokenExpired' });
  });

  it('derives users deterministically', () => {
    const a = stateAt({ now: 0 }).user(mp, 'zoe');
    const b = stateAt({ now: 0 }).user(mp, 'zoe');
    expect(b).toEqual(a);
    expect(a.openid).toHaveLength(28);
    expect(a.unionid).toHaveLength(28);
  });
});

describe('readEmulatorEnv', () => {
  it('has defaults, treating empty values as unset', () => {
    expect(readEmulatorEnv({ EMULATOR_PORT: '' })).toEqual({
      port: 4100,
      host: '127.0.0.1',
      latencyMs: 0,
      faults: [],
      tokenTtlSeconds: 7200,
    });
  });

  it('parses and validates every variable', () => {
    const env = readEmulatorEnv({
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_LATENCY_MS: '25',
      EMULATOR_FAULTS: '[{"kind":"busy","every":3,"endpoints":["cgi-bin/token"]}]',
      EMULATOR_TOKEN_TTL: '60',
    });
    expect(env).toEqual({
      port: 0,
      host: '0.0.0.0',
      latencyMs: 25,
      faults: [{ kind: 'busy', every: 3, endpoints: ['cgi-bin/token'] }],
      tokenTtlSeconds: 60,
    });
    expect(() => readEmulatorEnv({ EMULATOR_PORT: 'abc' })).toThrow();
    expect(() => readEmulatorEnv({ EMULATOR_FAULTS: '{' })).toThrow(/JSON array/);
    expect(() => readEmulatorEnv({ EMULATOR_FAULTS: '[{"kind":"boom"}]' })).toThrow();
    expect(() => readEmulatorEnv({ EMULATOR_TOKEN_TTL: '0' })).toThrow();
  });
});
