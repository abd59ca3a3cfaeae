import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultPlan, mulberry32 } from '../../src/emulator/faults.ts';
import { startEmulator, type Emulator, type FaultRule } from '../../src/emulator/server.ts';
import { MP, classicToken, get, ipList, post, stableToken } from './helpers.ts';

let emulator: Emulator;
let base: string;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator();
  base = emulator.url;
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  token = (await stableToken(base)).access_token as string;
});

const IPS = 'cgi-bin/get_api_domain_ip';

/** errcode of each of n calls to the IP list (0 for success). */
async function outcomes(n: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i += 1) result.push(((await ipList(base, token)).errcode as number | undefined) ?? 0);
  return result;
}

describe('fault rules', () => {
  it('every: 3 fails exactly calls 3, 6 and 9 of that endpoint', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'busy', every: 3 }]);
    const results = await outcomes(9);
    expect(results.map((code, i) => (code === -1 ? i + 1 : 0)).filter(Boolean)).toEqual([3, 6, 9]);
    // Other endpoints are not counted by the rule.
    expect((await classicToken(base)).access_token).toBeDefined();
    expect(emulator.calls()[IPS]).toBe(9);
  });

  it('busy answers errcode -1 with a rid, quota answers 45009', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'busy', times: 1 }, { kind: 'quota' }]);
    const busy = await ipList(base, token);
    expect(busy.errcode).toBe(-1);
    expect(busy.errmsg).toMatch(/^system error rid: /);
    expect((await ipList(base, token)).errcode).toBe(45009);
  });

  it('rate with a seed faults on the same calls every time', async () => {
    const rule: FaultRule = { endpoints: [IPS], kind: 'busy', rate: 0.5, seed: 42 };
    emulator.setFaults([rule]);
    const first = await outcomes(30);
    emulator.setFaults([rule]);
    const second = await outcomes(30);
    expect(second).toEqual(first);
    const failed = first.filter((code) => code === -1).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(25);
    emulator.setFaults([{ ...rule, seed: 7 }]);
    expect(await outcomes(30)).not.toEqual(first);
  });

  it('times stops the rule after that many faults', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'quota', times: 2 }]);
    expect(await outcomes(5)).toEqual([45009, 45009, 0, 0, 0]);
  });

  it('reset destroys the socket without an answer', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'reset', times: 1 }]);
    await expect(fetch(`${base}/${IPS}?access_token=${token}`)).rejects.toThrow();
    expect((await ipList(base, token)).ip_list).toBeDefined();
    expect(emulator.calls()[IPS]).toBe(2);
  });

  it('http5xx answers HTTP 503 with an HTML body', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'http5xx', every: 1, times: 1 }]);
    const res = await fetch(`${base}/${IPS}?access_token=${token}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('503');
  });

  it('latency delays the answer, which is then normal', async () => {
    emulator.setFaults([{ endpoints: [IPS], kind: 'latency', latencyMs: 300 }]);
    const started = Date.now();
    const body = await ipList(base, token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(body.ip_list).toBeDefined();
  });

  it('rules without endpoints hit every WeChat route but never the admin routes or unknown paths', async () => {
    emulator.setFaults([{ kind: 'busy' }]);
    expect((await classicToken(base)).errcode).toBe(-1);
    expect((await get(base, 'sns/jscode2session', {})).errcode).toBe(-1);
    const admin = await fetch(`${base}/__emulator/calls`);
    expect(admin.status).toBe(200);
    expect((await fetch(`${base}/unknown`)).status).toBe(404);
  });

  it('faults do not consume codes', async () => {
    emulator.setFaults([{ endpoints: ['sns/jscode2session'], kind: 'busy', times: 1 }]);
    const query = { appid: MP.appid, secret: MP.secret, js_code: 'dev_kate', grant_type: 'authorization_code' };
    expect((await get(base, 'sns/jscode2session', query)).errcode).toBe(-1);
    expect((await get(base, 'sns/jscode2session', query)).openid).toBeDefined();
  });

  it('starts with the faults option and accepts endpoints with a leading slash', async () => {
    const faulty = await startEmulator({ faults: [{ endpoints: ['/cgi-bin/token'], kind: 'quota', every: 2 }] });
    try {
      expect((await classicToken(faulty.url)).access_token).toBeDefined();
      expect((await classicToken(faulty.url)).errcode).toBe(45009);
    } finally {
      await faulty.close();
    }
  });
});

describe('global latency', () => {
  it('delays every WeChat route', async () => {
    const slow = await startEmulator({ latencyMs: 200 });
    try {
      const started = Date.now();
      await classicToken(slow.url);
      expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    } finally {
      await slow.close();
    }
  });
});

describe('FaultPlan', () => {
  it('rejects invalid rules', () => {
    expect(() => new FaultPlan([{ kind: 'busy', every: 2, rate: 0.5 }])).toThrow(/alternatives/);
    expect(() => new FaultPlan([{ kind: 'nope' } as unknown as FaultRule])).toThrow();
    expect(() => new FaultPlan([{ kind: 'busy', rate: 2 }])).toThrow();
    expect(() => new FaultPlan([{ kind: 'busy', evry: 2 } as unknown as FaultRule])).toThrow();
  });

  it('counts each matching call per rule; the first rule that fires wins', () => {
    const plan = new FaultPlan([
      { endpoints: ['a'], kind: 'busy', every: 2 },
      { kind: 'quota', every: 3 },
    ]);
    const kinds = Array.from({ length: 6 }, () => plan.next('a')?.kind ?? '-');
    expect(kinds).toEqual(['-', 'busy', 'quota', 'busy', '-', 'busy']);
    expect(plan.next('b')).toBeUndefined(); // call 7 of the second rule
  });

  it('mulberry32 is repeatable per seed', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const values = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
