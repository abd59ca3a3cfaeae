import { defineScenario } from './scenario.ts';

/**
 * A field with no upstream call and no store read: what the gateway itself costs per request
 * (HTTP, auth, document limits, rate limit, metrics, logging, execution) next to bare yoga.
 */
export const appsNoUpstream = defineScenario({
  name: 'apps',
  description: '{ apps { id kind } }: no upstream call, the gateway\'s own cost per request',
  query: '{ apps { id kind } }',
});
