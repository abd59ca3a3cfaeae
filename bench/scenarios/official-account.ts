import { AppUsers } from '../../src/emulator/users-state.ts';
import { defineScenario } from './scenario.ts';

const OA = 'officialAccount';

const qrQuery = (permanent: boolean) =>
  `mutation { createOfficialAccountQRCode(app: "${OA}", input: { permanent: ${permanent}, sceneStr: "bench-campaign"${permanent ? '' : ', expireSeconds: 86400'} }) { ticket imageUrl reused } }`;

/**
 * The same permanent Official Account code asked for again and again: one cgi-bin/qrcode/create
 * (and one showqrcode) for the whole run, since each permanent code spends one of 100 000 for ever.
 */
export const oaQRCodeRepeat = defineScenario({
  name: 'oa-qrcode-repeat',
  description: 'createOfficialAccountQRCode permanent, one identical request repeated: 1 qrcode/create for the whole run',
  query: qrQuery(true),
  async setup(ctx) {
    // Fetch the access token elsewhere, so the run counts only the QR code calls.
    await ctx.request({ query: `{ officialAccountQRCodeQuota(app: "${OA}") { permanentUsed } }` });
  },
  compare: {
    name: 'oa-qrcode-temporary-repeat',
    description: 'the same with a temporary code (1 day): reused while it has more than a minute to live',
    query: qrQuery(false),
  },
});

/** A follower of the emulated Official Account. */
function follower(appid: string): string {
  const users = new AppUsers(appid);
  for (let i = 0; ; i++) if (users.isFollower(i)) return users.openid(i);
}

const sendQuery = (key: string | null) => `mutation ($toOpenid: String!) {
  sendTemplateMessage(app: "${OA}", toOpenid: $toOpenid, templateId: "Emu7OrderShipped0000000000000000000000000AB",
    data: [{ key: "character_string1", value: "20231001123" }, { key: "thing2", value: "保温杯" }, { key: "time3", value: "2023年10月1日 10:00" }]
    ${key ? `, idempotencyKey: "${key}"` : ''}) { msgId replayed }
}`;
const sendVariables: Record<string, unknown> = {};

/**
 * Template messages: every request a new send (template placeholders checked from the cached
 * list, so 1 upstream call per request), against one send retried with its idempotency key.
 */
export const templateSend = defineScenario({
  name: 'template-send',
  description: 'sendTemplateMessage without a key: 1 upstream send per request (the template list is cached)',
  query: sendQuery(null),
  variables: sendVariables,
  async setup(ctx) {
    const oa = ctx.emulator.apps.find((app) => app.kind === 'officialAccount')!;
    sendVariables.toOpenid = follower(oa.appid);
    await ctx.request({ query: sendQuery(null), variables: sendVariables });
  },
  compare: {
    name: 'template-send-idempotent-repeat',
    description: 'the same send repeated with one idempotencyKey: replayed from the store, 0 upstream calls',
    query: sendQuery('bench-template-1'),
    variables: sendVariables,
    async setup(ctx) {
      await ctx.request({ query: sendQuery('bench-template-1'), variables: sendVariables });
    },
  },
});
