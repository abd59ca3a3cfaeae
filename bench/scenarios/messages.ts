import { defineScenario, type BenchContext } from './scenario.ts';

const MEETING_TEMPLATE = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';

/** Asks the emulator to play a user action (accepting a subscription, writing to customer service); returns the openid. */
async function userAction(ctx: BenchContext, path: string, body: object): Promise<string> {
  const response = await fetch(`${ctx.emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: ctx.emulator.apps[0]!.appid, ...body }),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
  return ((await response.json()) as { openid: string }).openid;
}

const subscribeQuery = `mutation ($toOpenid: String!) {
  sendSubscribeMessage(toOpenid: $toOpenid, idempotencyKey: "bench-order-1", message: {
    templateId: "${MEETING_TEMPLATE}", data: [{ key: "date2", value: "2016年8月8日" }, { key: "thing1", value: "TIT会议室" }]
  }) { sentAt replayed }
}`;
// Filled in by setup (the openid the emulator gives the bench user); read when the load starts.
const subscribeVariables: Record<string, unknown> = {};

const textQuery = `mutation ($toOpenid: String!) {
  sendCustomerServiceMessage(toOpenid: $toOpenid, message: { text: "您的订单已发货" }) { sentAt }
}`;
const textVariables: Record<string, unknown> = {};

/**
 * A client retrying one send with its idempotency key: after the first request every repeat is
 * answered from the store, so the run makes no upstream call at all (the send was made in setup).
 */
export const messagesIdempotentRepeat = defineScenario({
  name: 'messages-idempotent-repeat',
  description: 'sendSubscribeMessage repeated with one idempotencyKey: replayed from the store, 0 upstream calls',
  query: subscribeQuery,
  variables: subscribeVariables,
  async setup(ctx) {
    subscribeVariables.toOpenid = await userAction(ctx, 'messages/subscriptions', { user: 'bench-subscriber', templateId: MEETING_TEMPLATE });
    await ctx.request({ query: subscribeQuery, variables: subscribeVariables });
  },
  compare: {
    name: 'messages-send-text',
    description: 'sendCustomerServiceMessage text without a key: 1 upstream send per request (cgi-bin/message/custom/send)',
    query: textQuery,
    variables: textVariables,
    async setup(ctx) {
      textVariables.toOpenid = await userAction(ctx, 'messages/user-message', { user: 'bench-correspondent' });
      await ctx.request({ query: textQuery, variables: textVariables });
    },
  },
});
