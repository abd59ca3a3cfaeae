import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../src/emulator/server.ts';
import { ApiDomainIpsDocument } from '../gql/graphql.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const READ = 'cgi-bin/get_api_domain_ip';

describe('upstream read retries', () => {
  it.each(['busy', 'http5xx', 'reset'] as const)('200 reads all succeed when every third read fails with %s', async (kind) => {
    stack = await startStack({ faults: [{ endpoints: [READ], kind, every: 3 }] });
    for (let i = 0; i < 200; i++) {
      const response = await stack.request(ApiDomainIpsDocument);
      expect(response.errors).toBeUndefined();
    }
    // Calls 3, 6, ..., 297 failed and were each retried once: 200 successes take 299 calls.
    expect(stack.emulator.calls()[READ]).toBe(299);
  });

  it('gives up after two retries and says WeChat is busy', async () => {
    stack = await startStack({ faults: [{ endpoints: [READ], kind: 'busy' }] });
    const response = await stack.request(ApiDomainIpsDocument);
    expect(errorCodes(response)).toEqual(['WECHAT_BUSY']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ errcode: -1, endpoint: READ });
    expect(stack.emulator.calls()[READ]).toBe(3);
  });

  it('reports an unreachable upstream after two retries', async () => {
    stack = await startStack({ faults: [{ endpoints: [READ], kind: 'reset' }] });
    const response = await stack.request(ApiDomainIpsDocument);
    expect(errorCodes(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.emulator.calls()[READ]).toBe(3);
  });

  it('never retries a daily quota error (45009) and tells when to come back', async () => {
    stack = await startStack({ faults: [{ endpoints: [READ], kind: 'quota' }] });
    const response = await stack.request(ApiDomainIpsDocument);
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    expect(response.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(stack.emulator.calls()[READ]).toBe(1);
  });

  it('stops at the request deadline instead of waiting for a slow upstream', async () => {
    const slow: FaultRule = { endpoints: [READ], kind: 'latency', latencyMs: 5_000 };
    stack = await startStack({ faults: [slow], env: { REQUEST_DEADLINE_MS: '300' } });
    const response = await stack.request(ApiDomainIpsDocument);
    expect(errorCodes(response)).toEqual(['DEADLINE_EXCEEDED']);
    expect(stack.emulator.calls()[READ]).toBe(1);
  });
});
