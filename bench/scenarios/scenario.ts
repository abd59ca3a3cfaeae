import type { Emulator } from '../../src/emulator/server.ts';

/** One GraphQL operation, sent unchanged by every autocannon request of a run. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  /** Merged over the defaults (`content-type: application/json`, `x-api-key: <bench key>`). */
  headers?: Record<string, string>;
}

export interface BenchOptions {
  durationS: number;
  connections: number;
  latencyMs: number;
  workers: number;
  redisUrl?: string;
}

/** What a scenario's `setup` may use: the running emulator and gateway. */
export interface BenchContext {
  emulator: Emulator;
  /** `http://127.0.0.1:<port>/graphql` of the gateway under test. */
  graphqlUrl: string;
  /** The bench API key (scope `admin`), already in the default headers. */
  apiKey: string;
  options: Readonly<BenchOptions>;
  /** Sends one operation through the gateway; throws on a non-2xx status or GraphQL errors. Returns `data`. */
  request(operation: Operation): Promise<unknown>;
  /** Empties one namespace of the gateway's store (a cache), so that a variant starts cold. */
  clearStore(namespace: string): Promise<void>;
}

export interface Variant extends Operation {
  /** Short label, printed as the row name. */
  name: string;
  description: string;
  /** Runs once before the load (warm caches, seed the emulator...). Upstream calls made here are not counted. */
  setup?(ctx: BenchContext): Promise<void>;
}

export interface Scenario extends Variant {
  /** A second operation measured in the same bench and printed beside the scenario (e.g. the naive way). */
  compare?: Variant;
}

/** Identity helper so scenario files get checked against the type without an annotation. */
export const defineScenario = (scenario: Scenario): Scenario => scenario;
