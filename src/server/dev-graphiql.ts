import { TZDate } from '@date-fns/tz';
import { format, subDays } from 'date-fns';
import type { AppConfig } from '../config/index.ts';
import { CHINA_ZONE } from '../wechat/china-time.ts';
import type { GraphiQLOptions } from './graphiql.ts';

export type GraphiQLTab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** A long-term template of the emulator (type 3: one acceptance allows any number of sends). */
export const EXAMPLE_TEMPLATE = 'cy_DfOZL7lypxHh3ja3DyAUbn1GYQRGwezuy5LBTFME';
/** The mini-program user the examples act as (`dev_alice` in the emulator). */
export const EXAMPLE_USER = 'alice';

export interface DevExamples {
  apiKey: string;
  emulatorUrl: string;
  apps: AppConfig[];
  /** `EXAMPLE_USER`'s openid in the mini program, subscribed to `EXAMPLE_TEMPLATE`. */
  subscriberOpenid: string;
  now?: Date;
}

const chinaDay = (now: Date, daysAgo: number) => format(subDays(new TZDate(now.getTime(), CHINA_ZONE), daysAgo), 'yyyy-MM-dd');

/**
 * GraphiQL in development: one tab per example operation, each already carrying the
 * development API key, so a newcomer presses run. Every tab runs against the emulator as is
 * (test/integration/dev-graphiql.test.ts runs them all).
 */
export function devGraphiQL(examples: DevExamples): GraphiQLOptions {
  const headers = JSON.stringify({ 'x-api-key': examples.apiKey }, null, 2);
  const tabs = exampleTabs(examples).map((tab) => ({ headers, ...tab }));
  return { headers, defaultTabs: tabs, shouldPersistHeaders: true, defaultEditorToolsVisibility: 'headers' };
}

export function exampleTabs({ emulatorUrl, apps, subscriberOpenid, now = new Date() }: DevExamples): GraphiQLTab[] {
  const miniProgram = apps.find((app) => app.kind === 'miniprogram');
  const pushAppid = miniProgram?.appid ?? apps[0]?.appid;
  return [
    {
      query: `# The development API key (in the headers below) holds every scope and stays the same
# across restarts, so a saved tab keeps working. The docs panel (top left) says who may call
# each field.
query AppsAndServerIps {
  apps { id kind appId pushEnabled }
  wechatServerIps { apiDomain callback }
}
`,
    },
    {
      query: `# Sign in as a mini-program user with the code from wx.login(). In the emulator a code
# "dev_<name>" signs in as that user, once, like a real code. To sign in as the same user
# again, add any suffix after a dash: dev_${EXAMPLE_USER}-2, dev_${EXAMPLE_USER}-3, ...
mutation Login {
  login(code: "dev_${EXAMPLE_USER}") {
    token
    expiresAt
    viewer { openid unionid }
  }
}

# Then replace the headers with {"Authorization": "Bearer <token>"} and run Me.
query Me {
  me { openid unionid sessionExpiresAt }
}
`,
    },
    {
      query: `# A mini-program code (wxacode.getUnlimited). The same request again is served from the
# cache (reused: true); open url to see the image.
mutation QRCode {
  createQRCode(input: { kind: UNLIMITED, scene: "id=42", page: "pages/index/index", checkPath: false }) {
    id
    url
    contentType
    byteSize
    reused
  }
}
`,
    },
    {
      query: `# Visits over the last 7 days (China time; WeChat's data ends yesterday). Past days are cached.
query SevenDayTrend($from: Date!, $to: Date!) {
  miniProgramAnalytics {
    dailyVisitTrend(from: $from, to: $to) { refDate sessionCnt visitPv visitUv stayTimeSession visitDepth }
  }
}
`,
      variables: JSON.stringify({ from: chinaDay(now, 7), to: chinaDay(now, 1) }, null, 2),
    },
    {
      query: `# A subscribe message to ${EXAMPLE_USER}, who accepted this long-term template in the emulator.
# Run it twice: the second run returns the first outcome (replayed: true) without sending again.
mutation SendWithIdempotencyKey($toOpenid: String!, $idempotencyKey: String!) {
  sendSubscribeMessage(
    toOpenid: $toOpenid
    idempotencyKey: $idempotencyKey
    message: {
      templateId: "${EXAMPLE_TEMPLATE}"
      page: "pages/index/index"
      data: [
        { key: "time1", value: "2026年1月1日 12:00" }
        { key: "enum_string2", value: "客厅" }
        { key: "thing3", value: "设备发生故障,请及时查看" }
      ]
    }
  ) {
    sentAt
    replayed
    idempotencyKey
  }
}
`,
      variables: JSON.stringify({ toOpenid: subscriberOpenid, idempotencyKey: 'graphiql-example-1' }, null, 2),
    },
    {
      query: `# Live WeChat pushes, over Server-Sent Events. Run this, then push a message the way WeChat does:
#   curl -X POST ${emulatorUrl}/__emulator/push -H 'content-type: application/json' \\
#     -d '{"appid":"${pushAppid}","event":{"MsgType":"text","Content":"hello"}}'
subscription LiveEvents {
  wechatEvents {
    __typename
    id
    app { id }
    fromUser
    createTime
    ... on TextMessageEvent { content }
  }
}
`,
    },
  ];
}
