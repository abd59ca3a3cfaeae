import { z } from 'zod';

export const faultKinds = ['busy', 'http5xx', 'reset', 'latency', 'quota'] as const;

export const faultRuleSchema = z
  .strictObject({
    endpoints: z.array(z.string().min(1)).optional(),
    kind: z.enum(faultKinds),
    every: z.number().int().positive().optional(),
    rate: z.number().min(0).max(1).optional(),
    seed: z.number().int().optional(),
    latencyMs: z.number().int().nonnegative().optional(),
    times: z.number().int().positive().optional(),
  })
  .refine((rule) => rule.every === undefined || rule.rate === undefined, {
    message: 'every and rate are alternatives',
  });

export const faultRulesSchema = z.array(faultRuleSchema);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];

export const DEFAULT_FAULT_LATENCY_MS = 1000;

/** mulberry32: a tiny seeded PRNG, so a `rate` rule faults on the same calls every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RuleState {
  rule: FaultRule;
  endpoints: Set<string> | undefined;
  calls: number;
  faults: number;
  random: () => number;
}

function normalize(endpoint: string): string {
  return endpoint.replace(/^\/+/, '');
}

/**
 * The active fault rules. Every rule that matches an endpoint counts the call (and draws
 * its random number) so each rule's schedule is independent of the others; the first rule
 * in list order that decides to fault is the one applied, and only it uses up `times`.
 */
export class FaultPlan {
  private states: RuleState[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    this.replace(rules);
  }

  rules(): FaultRule[] {
    return this.states.map((state) => state.rule);
  }

  replace(rules: readonly FaultRule[]): void {
    this.states = faultRulesSchema.parse(rules).map((rule) => ({
      rule,
      endpoints: rule.endpoints && new Set(rule.endpoints.map(normalize)),
      calls: 0,
      faults: 0,
      random: mulberry32(rule.seed ?? 1),
    }));
  }

  /** Decides whether this call to `endpoint` (no leading slash) faults, and how. */
  next(endpoint: string): FaultRule | undefined {
    let chosen: RuleState | undefined;
    for (const state of this.states) {
      if (state.endpoints && !state.endpoints.has(endpoint)) continue;
      state.calls += 1;
      const { every, rate, times } = state.rule;
      const scheduled =
        every !== undefined ? state.calls % every === 0 : rate !== undefined ? state.random() < rate : true;
      if (!scheduled || chosen || (times !== undefined && state.faults >= times)) continue;
      state.faults += 1;
      chosen = state;
    }
    return chosen?.rule;
  }
}
