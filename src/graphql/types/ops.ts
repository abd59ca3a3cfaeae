import { z } from 'zod';
import {
  getApiDomainIp,
  getApiQuota,
  getCallbackIp,
  getRequestInfo,
  REALTIME_LOG_DAYS,
  REALTIME_LOG_MAX_LIMIT,
  realtimeLogSearchProblem,
  searchRealtimeLogs,
  type ApiQuota,
  type RealtimeLogEntry,
  type RealtimeLogMessage,
  type RealtimeLogPage,
  type RequestInfo,
} from '../../wechat/api/ops.ts';
import type { AppClient } from '../../wechat/client.ts';
import { isoDay } from '../../wechat/china-time.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { appArg } from './refs.ts';

const WeChatServerIps = builder.objectRef<AppClient>('WeChatServerIps').implement({
  description: "WeChat's own server addresses, for firewall rules. Entries may be single IPv4 addresses or CIDR blocks.",
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    apiDomain: t.stringList({
      description: 'Addresses behind api.weixin.qq.com (outbound allowlists). From `cgi-bin/get_api_domain_ip`.',
      resolve: (wx, _args, ctx) => getApiDomainIp(wx, ctx.signal),
    }),
    callback: t.stringList({
      description: 'Addresses WeChat pushes messages from (inbound allowlists). From `cgi-bin/getcallbackip`.',
      resolve: (wx, _args, ctx) => getCallbackIp(wx, ctx.signal),
    }),
  }),
});

builder.queryField('wechatServerIps', (t) =>
  t.field({
    type: WeChatServerIps,
    description: "WeChat's API and push server addresses as seen by one app's access token.",
    authScopes: { apiKey: 'logs:read' },
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.wechat(args.app),
  }),
);

const ApiQuotaType = builder.objectRef<ApiQuota & { path: string }>('ApiQuota').implement({
  description: "Today's call quota of one WeChat API for an app (cgi-bin/openapi/quota/get).",
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The API path asked about.' }),
    dailyLimit: t.exposeInt('dailyLimit', { description: 'Calls allowed per day.' }),
    used: t.exposeInt('used', { description: 'Calls made today.' }),
    remain: t.exposeInt('remain', { description: 'Calls left today.' }),
    rateLimitCalls: t.int({
      nullable: true,
      description: 'Calls allowed per rate-limit window, when WeChat reports one.',
      resolve: (quota) => quota.rateLimit?.callCount ?? null,
    }),
    rateLimitWindowSeconds: t.int({
      nullable: true,
      description: 'Length of the rate-limit window in seconds, when WeChat reports one.',
      resolve: (quota) => quota.rateLimit?.refreshSeconds ?? null,
    }),
  }),
});

const ApiRequestInfo = builder.objectRef<RequestInfo>('ApiRequestInfo').implement({
  description: 'What WeChat recorded about one call, found by the rid in its error message (cgi-bin/openapi/rid/get). Credentials in the URL are redacted.',
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    invokedAt: t.field({ type: 'DateTime', description: 'When the call reached WeChat.', resolve: (info) => info.invokedAt }),
    costMs: t.exposeInt('costMs', { description: 'How long WeChat took, in milliseconds.' }),
    requestUrl: t.exposeString('requestUrl', { description: 'The path and query WeChat received (access_token redacted).' }),
    requestBody: t.exposeString('requestBody', { description: 'The request body WeChat received.' }),
    responseBody: t.exposeString('responseBody', { description: 'What WeChat answered.' }),
    clientIp: t.exposeString('clientIp', { nullable: true, description: 'The address the call came from.' }),
  }),
});

builder.queryFields((t) => ({
  apiQuota: t.field({
    type: ApiQuotaType,
    description: "Today's quota of one WeChat API path for an app, e.g. \"/cgi-bin/message/custom/send\".",
    authScopes: { apiKey: 'logs:read' },
    args: {
      ...appArg(),
      path: t.arg.string({
        description: 'The API path with its leading slash, without query, e.g. "/wxa/msg_sec_check".',
        validate: { schema: z.string().regex(/^\/[a-z0-9_/-]+$/i, 'must be an API path such as /cgi-bin/message/custom/send').max(128) },
      }),
    },
    resolve: async (_root, args, ctx) => ({ path: args.path, ...(await getApiQuota(ctx.wechat(args.app), args.path, ctx.signal)) }),
  }),
  apiRequest: t.field({
    type: ApiRequestInfo,
    description: 'Looks up a failed call by the rid WeChat appended to its errmsg (errors from this gateway carry it as extensions.rid).',
    authScopes: { apiKey: 'logs:read' },
    args: {
      ...appArg(),
      rid: t.arg.string({
        description: 'The request id, e.g. "654e0b13-0f2e7229-0494092b".',
        validate: { schema: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/i, 'must look like 654e0b13-0f2e7229-0494092b') },
      }),
    },
    resolve: (_root, args, ctx) => getRequestInfo(ctx.wechat(args.app), args.rid, ctx.signal),
  }),
}));

// ---------------------------------------------------------------------------------------------
// Realtime logs of a mini program (wxaapi/userlog/userlog_search).

const LOGS_SCOPE = { apiKey: 'logs:read' } as const;

const RealtimeLogLevelEnum = builder.enumType('RealtimeLogLevel', {
  description: 'Level of a realtime log message, as written with wx.getRealtimeLogManager() in the mini program.',
  values: {
    INFO: { value: 'info', description: 'Info (`info()`; WeChat level 2).' },
    WARN: { value: 'warn', description: 'Warning (`warn()`; WeChat level 4).' },
    ERROR: { value: 'error', description: 'Error (`error()`; WeChat level 8).' },
  } as const,
});

const RealtimeLogPlatformEnum = builder.enumType('RealtimeLogPlatform', {
  description: 'The phone platform a realtime log came from (WeChat `platform`).',
  values: {
    ANDROID: { value: 'android', description: 'Android (`platform` 1).' },
    IOS: { value: 'ios', description: 'iOS (`platform` 2).' },
    OTHER: { value: 'other', description: 'A value WeChat does not document; see platformCode.' },
  } as const,
});

const RealtimeLogMessageType = builder.objectRef<RealtimeLogMessage>('RealtimeLogMessage').implement({
  description: 'One call to the realtime log manager inside an entry.',
  authScopes: LOGS_SCOPE,
  fields: (t) => ({
    loggedAt: t.field({ type: 'DateTime', description: 'When the mini program logged it (second precision).', resolve: (message) => message.loggedAt }),
    level: t.field({
      type: RealtimeLogLevelEnum,
      nullable: true,
      description: 'Its level; null when WeChat sends a level other than 2, 4 or 8.',
      resolve: (message) => message.level,
    }),
    texts: t.exposeStringList('texts', { description: 'The arguments passed to the log call, in order (non-strings as JSON).' }),
  }),
});

const RealtimeLogEntryType = builder.objectRef<RealtimeLogEntry>('RealtimeLogEntry').implement({
  description: 'One realtime log report: the messages one page of one launch of the mini program sent together.',
  authScopes: LOGS_SCOPE,
  fields: (t) => ({
    levels: t.field({
      type: [RealtimeLogLevelEnum],
      description: 'Every level among its messages, lowest first (decoded from WeChat `level`, the bitwise OR of the message levels).',
      resolve: (entry) => entry.levels,
    }),
    platform: t.field({ type: RealtimeLogPlatformEnum, description: 'The phone platform.', resolve: (entry) => entry.platform }),
    platformCode: t.exposeInt('platformCode', { description: 'WeChat `platform` as sent (1 Android, 2 iOS per the doc).' }),
    libraryVersion: t.exposeString('libraryVersion', { description: 'Base library (SDK) version, e.g. "2.8.3".' }),
    clientVersion: t.exposeString('clientVersion', { description: 'WeChat app version, e.g. "7.0.7".' }),
    openid: t.exposeString('openid', { description: "The user's OpenID for this mini program." }),
    loggedAt: t.field({ type: 'DateTime', description: 'When the entry was reported (second precision).', resolve: (entry) => entry.loggedAt }),
    page: t.exposeString('page', { description: 'The page path that logged it, e.g. "pages/index/index".' }),
    traceId: t.exposeString('traceId', { description: 'Id of the launch of the mini program; every entry of one launch shares it.' }),
    filterMessage: t.exposeString('filterMessage', {
      nullable: true,
      description: 'Keywords the page set with setFilterMsg/addFilterMsg; null when none.',
    }),
    messages: t.field({ type: [RealtimeLogMessageType], description: 'The log calls, in order.', resolve: (entry) => entry.messages }),
  }),
});

const RealtimeLogPageType = builder.objectRef<RealtimeLogPage & { offset: number }>('RealtimeLogPage').implement({
  description: 'One page of realtime log entries matching a search.',
  authScopes: LOGS_SCOPE,
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many entries match in all; page with offset until it is reached.' }),
    entries: t.field({ type: [RealtimeLogEntryType], description: 'The entries of this page, in the order WeChat returns them.', resolve: (page) => page.entries }),
    nextOffset: t.int({
      nullable: true,
      description: 'The offset of the next page; null when this page reaches total.',
      resolve: (page) => (page.entries.length > 0 && page.offset + page.entries.length < page.total ? page.offset + page.entries.length : null),
    }),
  }),
});

const searchText = (what: string) => z.string().trim().min(1, `must not be empty; omit it to match every ${what}`).max(256, 'must be at most 256 characters');

builder.queryField('realtimeLogs', (t) =>
  t.field({
    type: RealtimeLogPageType,
    description: `Searches what a mini program logged with wx.getRealtimeLogManager() on one day of the last ${REALTIME_LOG_DAYS} (China time). From \`wxaapi/userlog/userlog_search\`.`,
    authScopes: LOGS_SCOPE,
    args: {
      ...appArg(),
      date: t.arg({
        type: 'Date',
        required: true,
        description: `The day to search, China time (UTC+8): today or one of the ${REALTIME_LOG_DAYS - 1} days before.`,
      }),
      from: t.arg({ type: 'DateTime', required: false, description: 'Earliest report time; inside date. The start of date by default.' }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Latest report time, included; inside date and not before from. The end of date by default.' }),
      offset: t.arg.int({
        required: true,
        defaultValue: 0,
        description: 'How many matching entries to skip (WeChat `start`).',
        validate: { schema: z.number().int().min(0, 'must be 0 or more') },
      }),
      limit: t.arg.int({
        required: true,
        defaultValue: 20,
        description: `At most this many entries (1 to ${REALTIME_LOG_MAX_LIMIT}).`,
        validate: { schema: z.number().int().min(1, 'must be 1 or more').max(REALTIME_LOG_MAX_LIMIT, `must be at most ${REALTIME_LOG_MAX_LIMIT}`) },
      }),
      traceId: t.arg.string({ required: false, description: 'Only entries of this launch (see RealtimeLogEntry.traceId).', validate: { schema: searchText('launch') } }),
      page: t.arg.string({ required: false, description: 'Only entries of this page path, e.g. "pages/index/index".', validate: { schema: searchText('page') } }),
      openid: t.arg.string({ required: false, description: "Only this user's entries (OpenID; WeChat also accepts a WeChat ID).", validate: { schema: searchText('user') } }),
      filterMessage: t.arg.string({
        required: false,
        description: 'Only entries whose filter keywords (setFilterMsg/addFilterMsg) match this one.',
        validate: { schema: searchText('entry') },
      }),
      minLevel: t.arg({
        type: RealtimeLogLevelEnum,
        required: false,
        description: 'Only entries holding a message at this level or above (WeChat `level`: WARN gives warnings and errors).',
      }),
    },
    resolve: (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      const search = { ...args, day: isoDay(args.date) };
      const problem = realtimeLogSearchProblem(search);
      if (problem) throw badInput(problem.message, problem.field);
      return searchRealtimeLogs(wx, search, ctx.signal).then((page) => ({ ...page, offset: args.offset }));
    },
  }),
);
