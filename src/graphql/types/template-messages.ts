import { z } from 'zod';
import { HIDDEN_PLACEHOLDERS, type TemplateSendResult, type NotificationResult } from '../../services/template-messages.ts';
import { addPrivateTemplate, deletePrivateTemplate, getIndustry, setIndustry, type IndustryLabel, type PrivateTemplate } from '../../wechat/api/oa-templates.ts';
import type { PushEventOf } from '../../wechat/events.ts';
import { builder } from '../builder.ts';
import { appArg, openidSchema, WeChatEvent } from './refs.ts';

const MESSAGES_SEND = { apiKey: 'messages:send' } as const;

const templateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a template id (letters, digits, "_" and "-")');
const httpUrl = z.string().max(1024, 'may be at most 1024 characters').pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }));
const appIdSchema = z.string().regex(/^wx[0-9a-f]{16}$/i, 'is not an AppID (wx + 16 hex digits)');
const idempotencyKeyArg = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1 to 128 visible ASCII characters (a UUID is typical)');

const MiniProgramJumpInput = builder.inputType('MiniProgramJumpInput', {
  description: 'A mini program the message opens (it must be linked to the Official Account). WeChat prefers it over url.',
  fields: (t) => ({
    appId: t.string({ description: 'AppID of the mini program.', validate: { schema: appIdSchema } }),
    pagePath: t.string({ required: false, description: 'The page with its query, e.g. "pages/order/detail?id=1"; the home page when left out.', validate: { schema: z.string().min(1).max(1024, 'may be at most 1024 characters') } }),
  }),
});

const TemplateMessageDataEntry = builder.inputType('TemplateMessageDataEntry', {
  description: 'The value of one placeholder of a template message.',
  fields: (t) => ({
    key: t.string({
      description: 'The placeholder name, e.g. "thing2" or "keyword1" (see OfficialAccountTemplate.placeholders). `first` and `remark` are refused: WeChat has not shown them since 2023-05-04.',
      validate: { schema: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'is not a placeholder name') },
    }),
    value: t.string({ description: 'The value: one line of at most 20 characters (WeChat cuts longer values since 2023-05, so they are refused).' }),
    color: t.string({
      required: false,
      description: '#RRGGBB. WeChat ignores colours since 2023-05-04; giving one adds a warning to the result.',
      validate: { schema: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be #RRGGBB') },
    }),
  }),
});

const TemplateMessageSendResult = builder.simpleObject('TemplateMessageSendResult', {
  description: 'A template message WeChat accepted. With an idempotency key, repeats return this same result without sending again.',
  authScopes: MESSAGES_SEND,
  fields: (t) => ({
    msgId: t.string({ description: 'msgid WeChat gave the message: a 64-bit number as a string (real ones exceed 2^53). TEMPLATESENDJOBFINISH carries it back.' }),
    sentAt: t.field({ type: 'DateTime', description: 'When WeChat accepted the message (the first request, for a replay).' }),
    replayed: t.boolean({ description: 'True when this is the stored outcome of an earlier request with the same idempotency key: WeChat was not called again.' }),
    idempotencyKey: t.string({ nullable: true, description: 'The idempotency key the send was made under, if any.' }),
    warnings: t.stringList({ description: 'What WeChat does differently from what was asked (colours ignored since 2023-05, url unused when a mini program is given).' }),
  }),
});

builder.mutationField('sendTemplateMessage', (t) =>
  t.field({
    type: TemplateMessageSendResult,
    description:
      "Sends a template message from an Official Account (cgi-bin/message/template/send) to a follower. The data is checked against the template's placeholders (get_all_private_template, cached) and WeChat's 2023 rules before sending: `first`/`remark` and values WeChat would cut are refused, colours produce a warning. With an idempotencyKey a repeat returns the first outcome and never sends twice; the key also becomes WeChat's client_msg_id, so a transient failure is retried without a second delivery. Recipient errors (43004 not following, 43019 blacklisted, 43117 too frequent) are WECHAT_RECIPIENT_UNAVAILABLE. This is also the replacement of the mini-program uniformMessage.send (withdrawn 2023-09-20, answers 45109): send a template message from the linked Official Account with miniProgram set.",
    authScopes: MESSAGES_SEND,
    args: {
      ...appArg(),
      toOpenid: t.arg.string({ description: "The follower's OpenID under the Official Account.", validate: { schema: openidSchema } }),
      templateId: t.arg.string({ description: 'The template id (see officialAccountTemplates).', validate: { schema: templateIdSchema } }),
      data: t.arg({ type: [TemplateMessageDataEntry], description: 'A value for each placeholder of the template (first and remark excepted).', validate: { schema: z.array(z.any()).min(1, 'needs at least one value').max(20, 'has more values than any template') } }),
      url: t.arg.string({ required: false, description: 'A web page the message opens (http or https).', validate: { schema: httpUrl } }),
      miniProgram: t.arg({ type: MiniProgramJumpInput, required: false, description: 'A mini program the message opens instead of url.' }),
      idempotencyKey: t.arg.string({ required: false, description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.', validate: { schema: idempotencyKeyArg } }),
    },
    resolve: async (_root, args, ctx): Promise<TemplateSendResult> => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      return ctx.services.templateMessages.sendTemplate(
        wx,
        {
          toOpenid: args.toOpenid,
          templateId: args.templateId,
          data: args.data.map((entry) => ({ key: entry.key, value: entry.value, ...(entry.color ? { color: entry.color } : {}) })),
          url: args.url ?? undefined,
          miniProgram: args.miniProgram ? { appId: args.miniProgram.appId, pagePath: args.miniProgram.pagePath ?? undefined } : undefined,
        },
        args.idempotencyKey ?? undefined,
        ctx.signal,
      );
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Templates and industry

const OfficialAccountTemplate = builder.objectRef<PrivateTemplate>('OfficialAccountTemplate').implement({
  description: "A template-message template of the Official Account (cgi-bin/template/get_all_private_template).",
  authScopes: MESSAGES_SEND,
  fields: (t) => ({
    templateId: t.exposeString('templateId', { description: 'The id to send with.' }),
    title: t.exposeString('title', { description: 'Template title.' }),
    primaryIndustry: t.exposeString('primaryIndustry', { description: 'Primary industry label.' }),
    deputyIndustry: t.exposeString('deputyIndustry', { description: 'Deputy industry label (may itself contain "|").' }),
    content: t.exposeString('content', { description: 'The template text with its {{name.DATA}} placeholders.' }),
    example: t.exposeString('example', { description: 'An example of the filled-in template.' }),
    placeholders: t.exposeStringList('placeholders', { description: 'Every placeholder name of the content, in order.' }),
    shownPlaceholders: t.stringList({
      description: 'The placeholders WeChat still shows (all but first and remark, hidden since 2023-05-04): the keys sendTemplateMessage needs.',
      resolve: (template) => template.placeholders.filter((name) => !HIDDEN_PLACEHOLDERS.includes(name.toLowerCase())),
    }),
  }),
});

builder.queryField('officialAccountTemplates', (t) =>
  t.field({
    type: [OfficialAccountTemplate],
    description: "The Official Account's template-message templates (cached 5 minutes unless fresh).",
    authScopes: MESSAGES_SEND,
    args: { ...appArg(), fresh: t.arg.boolean({ required: false, description: 'Read the list from WeChat now instead of the 5-minute cache.' }) },
    resolve: (_root, args, ctx) => ctx.services.templateMessages.templates(ctx.wechat(args.app, 'officialAccount'), args.fresh ?? false, ctx.signal),
  }),
);

builder.mutationField('addOfficialAccountTemplate', (t) =>
  t.field({
    type: OfficialAccountTemplate,
    description:
      'Adds a template from the library to the Official Account (cgi-bin/template/api_add_template) and returns it. An account holds at most 25 (45026 beyond: delete one first). Not repeated once it may have reached WeChat.',
    authScopes: MESSAGES_SEND,
    args: {
      ...appArg(),
      shortId: t.arg.string({ description: 'The library number, e.g. TM00015 or OPENTM206831784.', validate: { schema: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'is not a library template number') } }),
      keywordNames: t.arg.stringList({ required: false, description: 'For newer library templates: the keyword names to use, in order (keyword_name_list).', validate: { schema: z.array(z.string().min(1).max(20)).max(5, 'at most 5 keywords') } }),
    },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      const templateId = await addPrivateTemplate(wx, args.shortId, args.keywordNames ?? undefined, ctx.signal);
      const list = await ctx.services.templateMessages.templates(wx, true, ctx.signal);
      return list.find((template) => template.templateId === templateId) ?? { templateId, title: '', primaryIndustry: '', deputyIndustry: '', content: '', example: '', placeholders: [] };
    },
  }),
);

builder.mutationField('deleteOfficialAccountTemplate', (t) =>
  t.boolean({
    description: 'Deletes a template from the Official Account (cgi-bin/template/del_private_template).',
    authScopes: MESSAGES_SEND,
    args: { ...appArg(), templateId: t.arg.string({ description: 'The template id.', validate: { schema: templateIdSchema } }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      await deletePrivateTemplate(wx, args.templateId, ctx.signal);
      await ctx.services.templateMessages.forgetTemplates(wx);
      return true;
    },
  }),
);

const IndustryLabelRef = builder.objectRef<IndustryLabel>('OfficialAccountIndustryLabel').implement({
  description: 'An industry as WeChat names it (labels only: get_industry returns no ids).',
  authScopes: MESSAGES_SEND,
  fields: (t) => ({
    firstClass: t.exposeString('firstClass', { description: 'The main class, e.g. IT科技.' }),
    secondClass: t.exposeString('secondClass', { description: 'The sub-class, e.g. 互联网|电子商务 (one label; "|" is part of it).' }),
  }),
});

const OfficialAccountIndustry = builder.objectRef<{ primary: IndustryLabel | null; secondary: IndustryLabel | null }>('OfficialAccountIndustry').implement({
  description: "The Official Account's template-message industries (cgi-bin/template/get_industry).",
  authScopes: MESSAGES_SEND,
  fields: (t) => ({
    primary: t.field({ type: IndustryLabelRef, nullable: true, description: 'The primary industry.', resolve: (i) => i.primary }),
    secondary: t.field({ type: IndustryLabelRef, nullable: true, description: 'The secondary industry.', resolve: (i) => i.secondary }),
  }),
});

builder.queryField('officialAccountIndustry', (t) =>
  t.field({
    type: OfficialAccountIndustry,
    description: "The Official Account's two template-message industries.",
    authScopes: MESSAGES_SEND,
    args: appArg(),
    resolve: (_root, args, ctx) => getIndustry(ctx.wechat(args.app, 'officialAccount'), ctx.signal),
  }),
);

const industryId = z.number().int().min(1, 'is an industry id from 1').max(100, 'is not an industry id');

builder.mutationField('setOfficialAccountIndustry', (t) =>
  t.boolean({
    description:
      "Sets the Official Account's two template-message industries by WeChat's industry ids (cgi-bin/template/api_set_industry). WeChat allows one change a month (43100 otherwise).",
    authScopes: MESSAGES_SEND,
    args: {
      ...appArg(),
      primaryIndustryId: t.arg.int({ description: "WeChat's id of the primary industry (1 = IT科技/互联网|电子商务 ...).", validate: { schema: industryId } }),
      secondaryIndustryId: t.arg.int({ description: "WeChat's id of the secondary industry.", validate: { schema: industryId } }),
    },
    resolve: async (_root, args, ctx) => {
      await setIndustry(ctx.wechat(args.app, 'officialAccount'), args.primaryIndustryId, args.secondaryIndustryId, ctx.signal);
      return true;
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Subscription notifications (cgi-bin/message/subscribe/bizsend)

const SubscriptionNotificationDataEntry = builder.inputType('SubscriptionNotificationDataEntry', {
  description: 'The value of one keyword of a subscription-notification template.',
  fields: (t) => ({
    key: t.string({ description: 'The keyword key, e.g. "thing8" or "time7".', validate: { schema: z.string().regex(/^[A-Za-z_]+\d+$/, 'is not a keyword key: a type and a number, like thing1') } }),
    value: t.string({ description: "The value, within the keyword type's rules (thing: at most 20 characters...)." }),
  }),
});

const SubscriptionNotificationResult = builder.simpleObject('SubscriptionNotificationResult', {
  description: 'A subscription notification WeChat accepted. With an idempotency key, repeats return this same result without sending again.',
  authScopes: MESSAGES_SEND,
  fields: (t) => ({
    sentAt: t.field({ type: 'DateTime', description: 'When WeChat accepted it (the first request, for a replay).' }),
    replayed: t.boolean({ description: 'True when this is the stored outcome of an earlier request with the same key: WeChat was not called again.' }),
    idempotencyKey: t.string({ nullable: true, description: 'The idempotency key the send was made under, if any.' }),
  }),
});

builder.mutationField('sendSubscriptionNotification', (t) =>
  t.field({
    type: SubscriptionNotificationResult,
    description:
      "Sends an Official Account subscription notification (cgi-bin/message/subscribe/bizsend) to a user who accepted the template. Data is checked against the template's keywords (wxaapi/newtmpl/gettemplate, cached) first; 43101 (no subscription left) is WECHAT_RECIPIENT_UNAVAILABLE. The user's choices and receipts arrive as SubscribeMessagePopupEvent, SubscribeMessageChangeEvent and SubscribeMessageSentEvent. With an idempotencyKey a repeat returns the first outcome and never sends twice.",
    authScopes: MESSAGES_SEND,
    args: {
      ...appArg(),
      toOpenid: t.arg.string({ description: "The user's OpenID under the Official Account.", validate: { schema: openidSchema } }),
      templateId: t.arg.string({ description: 'The subscription template id (priTmplId).', validate: { schema: templateIdSchema } }),
      data: t.arg({ type: [SubscriptionNotificationDataEntry], description: 'A value for every keyword of the template.', validate: { schema: z.array(z.any()).min(1, 'needs a value for each keyword').max(20, 'has more keywords than any template') } }),
      page: t.arg.string({ required: false, description: 'A web page the notification opens (http or https).', validate: { schema: httpUrl } }),
      miniProgram: t.arg({ type: MiniProgramJumpInput, required: false, description: 'A mini program the notification opens instead.' }),
      idempotencyKey: t.arg.string({ required: false, description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.', validate: { schema: idempotencyKeyArg } }),
    },
    resolve: (_root, args, ctx): Promise<NotificationResult> =>
      ctx.services.templateMessages.sendNotification(
        ctx.wechat(args.app, 'officialAccount'),
        {
          toOpenid: args.toOpenid,
          templateId: args.templateId,
          data: args.data.map(({ key, value }) => ({ key, value })),
          page: args.page ?? undefined,
          miniProgram: args.miniProgram ? { appId: args.miniProgram.appId, pagePath: args.miniProgram.pagePath ?? undefined } : undefined,
        },
        args.idempotencyKey ?? undefined,
        ctx.signal,
      ),
  }),
);

// ---------------------------------------------------------------------------------------------
// TEMPLATESENDJOBFINISH

const TemplateSendStatus = builder.enumType('TemplateSendStatus', {
  description: 'How a template message ended (TEMPLATESENDJOBFINISH Status).',
  values: {
    SUCCESS: { description: '`success`: delivered.' },
    USER_BLOCK: { description: '`failed:user block`: the user refuses messages from the account.' },
    SYSTEM_FAILED: { description: '`failed: system failed`: WeChat failed to deliver.' },
    OTHER: { description: 'A status WeChat has not documented (see statusText).' },
  } as const,
});

builder.objectRef<PushEventOf<'template_send_job_finish'>>('TemplateSendJobFinishEvent').implement({
  description: 'The delivery receipt of a template message (Event TEMPLATESENDJOBFINISH), matched to sendTemplateMessage by msgId.',
  interfaces: [WeChatEvent],
  authScopes: { apiKey: 'events:read' },
  fields: (t) => ({
    msgId: t.string({ description: 'MsgID: the msgid sendTemplateMessage returned (64-bit, a string).', resolve: (e) => e.data.msgId }),
    status: t.field({ type: TemplateSendStatus, description: 'How it ended.', resolve: (e) => e.data.status }),
    statusText: t.string({ description: 'Status as WeChat sent it.', resolve: (e) => e.data.statusText }),
  }),
});
