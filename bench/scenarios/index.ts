import type { Scenario } from './scenario.ts';
import { serverIps } from './server-ips.ts';

export type { BenchContext, Operation, Scenario, Variant } from './scenario.ts';

/** Every scenario `bench/run.ts` knows, in the order `--scenario all` runs them. Add new ones here. */
export const scenarios: Scenario[] = [serverIps];
