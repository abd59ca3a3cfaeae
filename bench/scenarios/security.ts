import { defineScenario } from './scenario.ts';

const query = `mutation ($openid: String!) {
  checkText(input: { content: "hello world!", scene: COMMENT, openid: $openid }) { suggest label traceId }
}`;
// Filled in by setup: a user the emulator knows (msgSecCheck refuses unknown openids with 40003).
const variables: Record<string, unknown> = {};

/**
 * checkText under load: one msgSecCheck per request until the app's 4000/min budget is spent,
 * then RATE_LIMITED from the gateway without calling WeChat (shown as GraphQL errors).
 */
export const securityCheckText = defineScenario({
  name: 'security-check-text',
  description: 'checkText: 1 upstream msgSecCheck per request up to 4000/min per app, then RATE_LIMITED with no upstream call',
  query,
  variables,
  async setup(ctx) {
    const response = await fetch(`${ctx.emulator.url}/__emulator/messages/user-message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: ctx.emulator.apps[0]!.appid, user: 'bench-author' }),
    });
    variables.openid = ((await response.json()) as { openid: string }).openid;
    await ctx.request({ query, variables });
  },
});
