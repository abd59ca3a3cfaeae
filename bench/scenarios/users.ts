import { AppUsers } from '../../src/emulator/users-state.ts';
import { defineScenario, type BenchContext } from './scenario.ts';

const USERS = 1_000;
const FIELDS = 'openid subscribed unionid subscribedAt subscribeScene remark tagIds language';

/** The first followers of the emulator's Official Account: its population is deterministic. */
function followers(ctx: BenchContext, count: number): string[] {
  const app = ctx.emulator.apps.find((candidate) => candidate.kind === 'officialAccount');
  if (!app) throw new Error('the emulator serves no Official Account');
  return new AppUsers(app.appid).followersAfter(-1, count);
}

// The first request fetches the access token; the measured ones should not.
const warmToken = (ctx: BenchContext) => ctx.request({ query: '{ followers(app: "officialAccount", first: 1) { totalCount } }' });

/**
 * 1000 users with their profile in one query: 10 batchget calls of 100 per request. The compare
 * variant is the naive client loop: one request, hence one WeChat call, per user; 1000 of its
 * requests do the work of one of the scenario's.
 */
export const usersBatched = defineScenario({
  name: 'users',
  description: `users(${USERS} openids) { ${FIELDS} }: DataLoader batches into batchget, 100 per call (10 upstream calls per request)`,
  query: `query ($openids: [String!]!) { users(app: "officialAccount", openids: $openids) { ${FIELDS} } }`,
  variables: {},
  async setup(ctx) {
    await warmToken(ctx);
    this.variables = { openids: followers(ctx, USERS) };
  },
  compare: {
    name: 'users-naive',
    description: `one user(openid) { ${FIELDS} } per request: the one-call-per-user loop (${USERS} of these = one users request)`,
    query: `query ($openid: String!) { user(app: "officialAccount", openid: $openid) { ${FIELDS} } }`,
    variables: {},
    async setup(ctx) {
      await warmToken(ctx);
      this.variables = { openid: followers(ctx, 1)[0] };
    },
  },
});
