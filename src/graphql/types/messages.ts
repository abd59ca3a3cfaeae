import { z } from 'zod';
import { setCustomerServiceTyping, type SubscribeTemplate, type TemplateKeyword } from '../../wechat/api/messages.ts';
import { builder } from '../builder.ts';
import { appArg, openidSchema } from './refs.ts';

// ---------------------------------------------------------------------------------------------
// Idempotent sends

const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1 to 128 visible ASCII characters (a UUID is typical)');

const MessageSendResult = builder.simpleObject('MessageSendResult', {
  description: 'A message WeChat accepted. With an idempotency key, repeats return this same result without sending again.',
  authScopes: { apiKey: 'messages:send' },
  fields: (t) => ({
    sentAt: t.field({ type: 'DateTime', description: 'When WeChat accepted the message (the first request, for a replay).' }),
    replayed: t.boolean({ description: 'True when this is the stored outcome of an earlier request with the same idempotency key: WeChat was not called again.' }),
    idempotencyKey: t.string({ nullable: true, description: 'The idempotency key the send was made under, if any.' }),
    mediaId: t.string({
      nullable: true,
      description: 'For an image or mini-program card sent from an upload: the temporary media id WeChat gave it (reusable for 3 days).',
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Subscribe-message templates

const SubscribeTemplateKind = builder.enumType('SubscribeTemplateKind', {
  description: 'How a user subscribes to a template.',
  values: {
    ONE_TIME: { value: 2, description: 'Each acceptance allows one message.' },
    LONG_TERM: { value: 3, description: 'One acceptance allows messages until the user withdraws it.' },
    UNKNOWN: { value: 0, description: 'A type code WeChat has not documented (see typeCode).' },
  } as const,
});

const SubscribeTemplateKeyword = builder.objectRef<TemplateKeyword>('SubscribeTemplateKeyword').implement({
  description: 'One value slot of a template: the key to fill in a send, and what it may hold.',
  authScopes: { apiKey: 'messages:send' },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The data key of a send, e.g. "thing1" or "character_string10".' }),
    name: t.exposeString('name', { description: 'The label shown in front of the value, e.g. "会议地点".' }),
    valueType: t.exposeString('type', {
      description:
        'The value type, from the key: thing, number, letter, symbol, character_string, time, date, amount, phone_number, car_number, name, phrase, or an enumeration type.',
    }),
    allowedValues: t.stringList({ nullable: true, description: 'For enumerated keywords, the only values allowed.', resolve: (keyword) => keyword.enumValues ?? null }),
  }),
});

const SubscribeMessageTemplate = builder.objectRef<SubscribeTemplate>('SubscribeMessageTemplate').implement({
  description: "A subscribe-message template added to the app (wxaapi/newtmpl/gettemplate).",
  authScopes: { apiKey: 'messages:send' },
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The template id (priTmplId) to send with.' }),
    title: t.exposeString('title', { description: 'Template title.' }),
    content: t.exposeString('content', { description: 'The template text with its {{key.DATA}} slots.' }),
    example: t.exposeString('example', { description: 'An example of the filled-in template.' }),
    kind: t.field({
      type: SubscribeTemplateKind,
      description: 'One-time or long-term subscription.',
      resolve: (template) => (template.typeCode === 2 || template.typeCode === 3 ? template.typeCode : 0),
    }),
    typeCode: t.int({ nullable: true, description: "WeChat's numeric template type as sent.", resolve: (template) => template.typeCode ?? null }),
    keywords: t.field({ type: [SubscribeTemplateKeyword], description: 'The value slots, in template order.', resolve: (template) => template.keywords }),
  }),
});

builder.queryField('subscribeMessageTemplates', (t) =>
  t.field({
    type: [SubscribeMessageTemplate],
    description: "The subscribe-message templates added to the app, with each template's keywords (always fresh from WeChat).",
    authScopes: { apiKey: 'messages:send' },
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.services.messageSender.templates(ctx.wechat(args.app), ctx.signal),
  }),
);

// ---------------------------------------------------------------------------------------------
// Subscribe messages

/** Subscribe-message value rules per keyword type (the subscribe-message doc's "参数值内容限制说明"). */
const han = /\p{Script=Han}/u;
const length = (value: string) => [...value].length;
const VALUE_RULES: Record<string, { ok: (value: string) => boolean; rule: string }> = {
  thing: { ok: (v) => length(v) <= 20, rule: 'at most 20 characters' },
  number: { ok: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32, rule: 'digits only (a decimal point allowed), at most 32' },
  letter: { ok: (v) => /^[A-Za-z]{1,32}$/.test(v), rule: 'letters only, at most 32' },
  symbol: { ok: (v) => /^[^\p{L}\p{N}]{1,5}$/u.test(v), rule: 'at most 5 symbols, no letters or digits' },
  character_string: { ok: (v) => /^[\x20-\x7e]{1,32}$/.test(v), rule: 'at most 32 ASCII digits, letters or symbols' },
  time: { ok: (v) => /\d{1,2}:\d{2}/.test(v) && length(v) <= 64, rule: 'a 24-hour time such as 15:01 or 2019年10月1日 15:01 (a range joined by ~)' },
  date: { ok: (v) => /\d/.test(v) && length(v) <= 64, rule: 'a date such as 2019年10月1日 or 2019-10-01, optionally with a time (a range joined by ~)' },
  amount: { ok: (v) => /^[^\d\s]?\d{1,10}(\.\d+)?元?$/u.test(v), rule: 'an optional currency sign, at most 10 digits (decimals allowed), optionally ending in 元' },
  phone_number: { ok: (v) => /^[\d+\-() ]{1,17}$/.test(v), rule: 'at most 17 digits and symbols' },
  car_number: {
    ok: (v) => length(v) <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v),
    rule: 'a plate of at most 8 letters and digits; only the first and last may be Chinese',
  },
  name: {
    ok: (v) => (han.test(v) ? length(v) <= 10 : length(v) <= 20 && !/\d/.test(v)),
    rule: 'at most 10 Chinese characters, or at most 20 letters or symbols',
  },
  phrase: { ok: (v) => /^\p{Script=Han}{1,5}$/u.test(v), rule: 'at most 5 Chinese characters, nothing else' },
};

const DATA_KEY = /^[a-z]+(?:_[a-z]+)*\d+$/;

const subscribeMessageSchema = z.object({
  templateId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a template id (see subscribeMessageTemplates)'),
  data: z
    .array(
      z
        .object({
          key: z.string().regex(DATA_KEY, 'is not a template keyword key: a type and a number, like thing1, date2 or character_string10'),
          value: z.string(),
        })
        .superRefine(({ key, value }, issue) => {
          const type = key.replace(/\d+$/, '');
          const rule = Object.hasOwn(VALUE_RULES, type) ? VALUE_RULES[type] : undefined;
          if (value === '') issue.addIssue({ code: 'custom', path: ['value'], message: `${key} must not be empty` });
          else if (/[\u0000-\u001f\u007f]/.test(value)) issue.addIssue({ code: 'custom', path: ['value'], message: `${key} may not contain line breaks or control characters` });
          else if (rule && !rule.ok(value)) issue.addIssue({ code: 'custom', path: ['value'], message: `${key} must be ${rule.rule}` });
        }),
    )
    .min(1, 'needs a value for each keyword of the template')
    .max(20, 'has more keywords than any template')
    .superRefine((entries, issue) => {
      const seen = new Set<string>();
      for (const [index, { key }] of entries.entries()) {
        if (seen.has(key)) issue.addIssue({ code: 'custom', path: [index, 'key'], message: `${key} is given twice` });
        seen.add(key);
      }
    }),
  page: z.string().min(1).max(1024, 'may be at most 1024 characters').nullish(),
  miniprogramState: z.enum(['developer', 'trial', 'formal']).nullish(),
  lang: z.enum(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']).nullish(),
});

const SubscribeMessageState = builder.enumType('SubscribeMessageMiniprogramState', {
  description: 'Which version of the mini program the message opens.',
  values: {
    DEVELOPER: { value: 'developer', description: 'The development version.' },
    TRIAL: { value: 'trial', description: 'The trial version.' },
    FORMAL: { value: 'formal', description: 'The released version (default).' },
  } as const,
});

const SubscribeMessageLang = builder.enumType('SubscribeMessageLang', {
  description: 'Language of the message frame WeChat draws around the template.',
  values: {
    ZH_CN: { value: 'zh_CN', description: 'Simplified Chinese (default).' },
    EN_US: { value: 'en_US', description: 'English.' },
    ZH_HK: { value: 'zh_HK', description: 'Traditional Chinese (Hong Kong).' },
    ZH_TW: { value: 'zh_TW', description: 'Traditional Chinese (Taiwan).' },
  } as const,
});

const SubscribeMessageDataEntry = builder.inputType('SubscribeMessageDataEntry', {
  description: 'The value of one template keyword.',
  fields: (t) => ({
    key: t.string({ description: 'The keyword key, e.g. "thing1" (see SubscribeMessageTemplate.keywords).' }),
    value: t.string({ description: "The value, within the keyword type's rules (e.g. thing: at most 20 characters)." }),
  }),
});

const SubscribeMessageInput = builder.inputType('SubscribeMessageInput', {
  description: 'A subscribe message: a template filled in, sent to a user who accepted it.',
  fields: (t) => ({
    templateId: t.string({ description: 'The template id (priTmplId).' }),
    data: t.field({ type: [SubscribeMessageDataEntry], description: 'A value for every keyword of the template.' }),
    page: t.string({ required: false, description: 'The mini-program page the message opens, e.g. "pages/order/detail?id=1"; none by default.' }),
    miniprogramState: t.field({ type: SubscribeMessageState, required: false, description: 'Which version of the mini program the page opens in.' }),
    lang: t.field({ type: SubscribeMessageLang, required: false, description: 'Language of the message frame.' }),
  }),
});


builder.mutationField('sendSubscribeMessage', (t) =>
  t.field({
    type: MessageSendResult,
    description:
      'Sends a subscribe message (cgi-bin/message/subscribe/send) to a user who accepted the template. Data is checked against the template before sending. With an idempotencyKey a repeat returns the first outcome and never sends twice.',
    authScopes: { apiKey: 'messages:send' },
    args: {
      ...appArg(),
      toOpenid: t.arg.string({ description: "The recipient's OpenID.", validate: { schema: openidSchema } }),
      message: t.arg({ type: SubscribeMessageInput, description: 'The template and its values.', validate: { schema: subscribeMessageSchema } }),
      idempotencyKey: t.arg.string({
        required: false,
        description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.',
        validate: { schema: idempotencyKeySchema },
      }),
    },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      return ctx.services.messageSender.sendSubscribe(wx, { ...args.message, toOpenid: args.toOpenid, idempotencyKey: args.idempotencyKey ?? null }, ctx.signal);
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Customer-service messages

const httpUrl = z.string().max(2048, 'may be at most 2048 characters').pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }));
const cardTitle = z.string().min(1, 'must not be empty').max(64, 'may be at most 64 characters');

// Both @oneOf input types: GraphQL itself guarantees exactly one field is set.
const CustomerServiceImageInput = builder.inputType('CustomerServiceImageInput', {
  description: 'An image: a media id from an earlier upload, or a file to upload now (cgi-bin/media/upload). Exactly one.',
  isOneOf: true,
  fields: (t) => ({
    mediaId: t.string({
      required: false,
      description: 'A temporary media id (valid 3 days after upload).',
      validate: { schema: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a media id') },
    }),
    file: t.field({ type: 'File', required: false, description: 'A PNG, JPEG or GIF up to 10 MB, sent as a multipart upload.' }),
  }),
});

const CustomerServiceLinkInput = builder.inputType('CustomerServiceLinkInput', {
  description: 'A link card (mini programs only).',
  fields: (t) => ({
    title: t.string({ description: 'Card title.', validate: { schema: cardTitle } }),
    description: t.string({ description: 'Card text.', validate: { schema: z.string().min(1, 'must not be empty').max(256, 'may be at most 256 characters') } }),
    url: t.string({ description: 'Where the card leads (http or https).', validate: { schema: httpUrl } }),
    thumbUrl: t.string({ description: 'Picture shown on the card (http or https).', validate: { schema: httpUrl } }),
  }),
});

const CustomerServiceMiniProgramPageInput = builder.inputType('CustomerServiceMiniProgramPageInput', {
  description: 'A mini-program card.',
  fields: (t) => ({
    title: t.string({ description: 'Card title.', validate: { schema: cardTitle } }),
    pagePath: t.string({
      description: 'The page the card opens, e.g. "pages/index/index?id=1".',
      validate: { schema: z.string().min(1, 'must not be empty').max(1024, 'may be at most 1024 characters') },
    }),
    thumbnail: t.field({ type: CustomerServiceImageInput, description: 'The card picture (WeChat suggests 520x416).' }),
    appId: t.string({
      required: false,
      description: 'AppID of the mini program to open; required when an official account sends the card.',
      validate: { schema: z.string().regex(/^wx[0-9a-f]{16}$/i, 'is not an AppID') },
    }),
  }),
});

const CustomerServiceMessageInput = builder.inputType('CustomerServiceMessageInput', {
  description: 'A customer-service message: exactly one of text, image, link or mini-program card.',
  isOneOf: true,
  fields: (t) => ({
    text: t.string({
      required: false,
      description: 'Plain text (may contain <a href> links).',
      validate: {
        schema: z
          .string()
          .refine((v) => v.trim() !== '', 'must not be empty')
          .refine((v) => Buffer.byteLength(v) <= 2048, 'may be at most 2048 bytes (UTF-8)'),
      },
    }),
    image: t.field({ type: CustomerServiceImageInput, required: false, description: 'An image.' }),
    link: t.field({ type: CustomerServiceLinkInput, required: false, description: 'A link card (mini programs only).' }),
    miniProgramPage: t.field({ type: CustomerServiceMiniProgramPageInput, required: false, description: 'A mini-program card.' }),
  }),
});

builder.mutationField('sendCustomerServiceMessage', (t) =>
  t.field({
    type: MessageSendResult,
    description:
      "Sends a customer-service message (cgi-bin/message/custom/send): text, image (a media id or an upload), link or mini-program card. Allowed within 48 hours of the user's last message. With an idempotencyKey a repeat returns the first outcome and never sends twice.",
    authScopes: { apiKey: 'messages:send' },
    args: {
      ...appArg(),
      toOpenid: t.arg.string({ description: "The recipient's OpenID.", validate: { schema: openidSchema } }),
      message: t.arg({ type: CustomerServiceMessageInput, description: 'The message.' }),
      idempotencyKey: t.arg.string({
        required: false,
        description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.',
        validate: { schema: idempotencyKeySchema },
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { message, toOpenid, idempotencyKey } = args;
      return ctx.services.messageSender.sendCustomerService(ctx.wechat(args.app), { ...message, toOpenid, idempotencyKey: idempotencyKey ?? null }, ctx.signal);
    },
  }),
);

builder.mutationField('setCustomerServiceTyping', (t) =>
  t.boolean({
    description:
      "Shows (true) or hides (false) \"typing...\" to a user in customer service (cgi-bin/message/custom/typing); within 48 hours of the user's last message.",
    authScopes: { apiKey: 'messages:send' },
    args: {
      ...appArg(),
      toOpenid: t.arg.string({ description: "The user's OpenID.", validate: { schema: openidSchema } }),
      typing: t.arg.boolean({ description: 'True to show the indicator, false to hide it.' }),
    },
    resolve: async (_root, args, ctx) => {
      await setCustomerServiceTyping(ctx.wechat(args.app), args.toOpenid, args.typing, ctx.signal);
      return true;
    },
  }),
);
