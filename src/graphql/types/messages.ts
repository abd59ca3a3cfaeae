import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { IdempotencyError, runIdempotent, type Settlement } from '../../store/idempotency.ts';
import {
  CUSTOMER_SERVICE_SEND,
  listSubscribeTemplates,
  sendCustomerServiceMessage,
  sendSubscribeMessage,
  setCustomerServiceTyping,
  SUBSCRIBE_SEND,
  uploadTemporaryImage,
  type CustomerServiceMessage,
  type MediaFile,
  type SubscribeTemplate,
  type TemplateKeyword,
} from '../../wechat/api/messages.ts';
import type { AppClient } from '../../wechat/client.ts';
import { sendOutcome, type WeChatApiError, type WeChatTransportError } from '../../wechat/errors.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput, fromTransportError, fromWeChatError, gatewayError } from '../errors.ts';
import { appArg, openidSchema } from './common.ts';
import { parseInput, readImageUpload, type ImageLimits } from './security.ts';

// ---------------------------------------------------------------------------------------------
// Idempotent sends

/** How long an idempotency key remembers its outcome. */
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

interface SendOutcome {
  /** ISO time WeChat accepted the message. */
  sentAt: string;
  mediaId: string | null;
}

interface StoredError {
  message: string;
  extensions: Record<string, unknown>;
}

const stored = (error: GraphQLError): StoredError => ({ message: error.message, extensions: { ...error.extensions } });

/**
 * How a failed send is remembered. WeChat's answer from the send endpoint is final; a send that
 * went out and got no answer is unknown; anything that failed before the send (validation, the
 * token, an image upload, a refused token, a connection never made) is forgotten, so the same
 * key may try again.
 */
function settleSend(endpoint: string, error: unknown): Settlement<StoredError> {
  const outcome = sendOutcome(endpoint, error);
  if (outcome === 'answered') return { state: 'failed', error: stored(fromWeChatError(error as WeChatApiError)) };
  if (outcome === 'unknown') return { state: 'unknown', error: stored(fromTransportError(error as WeChatTransportError)) };
  return { state: 'release' };
}

const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1 to 128 visible ASCII characters (a UUID is typical)');

/**
 * Runs a send once per idempotency key across all instances. Without a key it just sends
 * (still never repeated once it may have gone out).
 */
async function sendOnce(
  ctx: Context,
  wx: AppClient,
  operation: string,
  endpoint: string,
  idempotencyKey: string | null | undefined,
  intent: unknown,
  run: () => Promise<SendOutcome>,
) {
  if (!idempotencyKey) return { ...(await run()), replayed: false, idempotencyKey: null };
  const key = parseInput(idempotencyKeySchema, idempotencyKey, 'idempotencyKey');
  const deadline = ctx.services.config.requestDeadlineMs;
  try {
    const { value, replayed } = await runIdempotent<SendOutcome, StoredError>(ctx.services.store, {
      app: wx.app.id,
      operation,
      key,
      args: intent,
      // Outlives the request deadline, so a live request never loses its key to a duplicate.
      leaseMs: deadline + 5_000,
      waitMs: Math.min(deadline, 10_000),
      ttlMs: IDEMPOTENCY_TTL_MS,
      signal: ctx.signal,
      run,
      settle: (error) => settleSend(endpoint, error),
      replay: ({ error }) => new GraphQLError(error.message, { extensions: { ...error.extensions, replayed: true, idempotencyKey: key } }),
      abandoned: () =>
        stored(
          gatewayError(
            `An earlier ${operation} with this idempotency key stopped before WeChat answered; it may or may not have been delivered, so it is not sent again.`,
            'UPSTREAM_OUTCOME_UNKNOWN',
            { endpoint },
          ),
        ),
    });
    return { ...value, replayed, idempotencyKey: key };
  } catch (error) {
    if (!(error instanceof IdempotencyError)) throw error;
    const extensions = { idempotencyKey: key, field: 'idempotencyKey' };
    if (error.problem === 'mismatch')
      throw gatewayError(`idempotencyKey was already used for a different ${operation}; use a new key for a new message.`, 'IDEMPOTENCY_KEY_REUSED', extensions);
    if (error.problem === 'in_progress')
      throw gatewayError(`A ${operation} with this idempotency key is still in progress; ask again shortly for its outcome.`, 'IDEMPOTENCY_IN_PROGRESS', extensions);
    throw gatewayError(
      'Idempotency keys are kept in the shared store, which is unreachable right now; nothing was sent. Retry later.',
      'STORE_UNAVAILABLE',
      extensions,
    );
  }
}

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

const TEMPLATE_CACHE_MS = 5 * 60_000;

/** The app's templates: from the store (5 min) unless `fresh`; a fresh list refreshes the store. */
async function templatesOf(ctx: Context, wx: AppClient, fresh: boolean): Promise<SubscribeTemplate[]> {
  const cache = ctx.services.store.namespace<SubscribeTemplate[]>('subscribe-templates');
  if (!fresh) {
    const hit = await cache.get(wx.app.id).catch(() => undefined);
    if (hit) return hit;
  }
  const templates = await listSubscribeTemplates(wx, ctx.signal);
  await cache.set(wx.app.id, templates, TEMPLATE_CACHE_MS).catch(() => {});
  return templates;
}

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
    resolve: (_root, args, ctx) => templatesOf(ctx, ctx.wechat(args.app), true),
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
          const rule = VALUE_RULES[key.replace(/\d+$/, '')];
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

type SubscribeInput = z.infer<typeof subscribeMessageSchema>;

/**
 * Checks the data against the template's keywords (from the cached list, refreshed once on a
 * miss). If WeChat cannot list templates right now, the send goes ahead on the rules above alone.
 */
async function checkAgainstTemplate(ctx: Context, wx: AppClient, input: SubscribeInput): Promise<void> {
  let template: SubscribeTemplate | undefined;
  try {
    template = (await templatesOf(ctx, wx, false)).find((t) => t.id === input.templateId);
    template ??= (await templatesOf(ctx, wx, true)).find((t) => t.id === input.templateId);
  } catch {
    return;
  }
  if (!template) throw badInput(`message.templateId: "${input.templateId}" is not one of this app's templates (see subscribeMessageTemplates).`, 'message.templateId');
  const keys = template.keywords.map((keyword) => keyword.key);
  for (const [index, { key, value }] of input.data.entries()) {
    const keyword = template.keywords.find((k) => k.key === key);
    if (!keyword)
      throw badInput(`message.data.${index}.key: "${key}" is not a keyword of template "${template.title}"; its keywords are ${keys.join(', ')}.`, `message.data.${index}.key`);
    if (keyword.enumValues && !keyword.enumValues.includes(value))
      throw badInput(`message.data.${index}.value: ${key} must be one of ${keyword.enumValues.join(', ')}.`, `message.data.${index}.value`);
  }
  const missing = template.keywords.filter((keyword) => !input.data.some((entry) => entry.key === keyword.key));
  if (missing.length)
    throw badInput(`message.data: template "${template.title}" also needs ${missing.map((k) => `${k.key} (${k.name})`).join(', ')}.`, 'message.data');
}

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
      message: t.arg({ type: SubscribeMessageInput, description: 'The template and its values.' }),
      idempotencyKey: t.arg.string({ required: false, description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(subscribeMessageSchema, args.message, 'message');
      const wx = ctx.wechat(args.app, 'miniprogram');
      const data = Object.fromEntries(input.data.map(({ key, value }) => [key, value]));
      const message = {
        toOpenid: args.toOpenid,
        templateId: input.templateId,
        data,
        page: input.page ?? undefined,
        miniprogramState: input.miniprogramState ?? undefined,
        lang: input.lang ?? undefined,
      };
      const intent = { ...message, data: Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)) };
      return sendOnce(ctx, wx, 'sendSubscribeMessage', SUBSCRIBE_SEND, args.idempotencyKey, intent, async () => {
        await checkAgainstTemplate(ctx, wx, input);
        await sendSubscribeMessage(wx, message, ctx.signal);
        return { sentAt: new Date().toISOString(), mediaId: null };
      });
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Customer-service messages

/** Temporary image media: PNG, JPEG or GIF up to 10 MB (media upload doc). */
const MEDIA_IMAGE_LIMITS: ImageLimits = { maxBytes: 10 * 1024 * 1024 };

const CustomerServiceImageInput = builder.inputType('CustomerServiceImageInput', {
  description: 'An image: a media id from an earlier upload, or a file to upload now (cgi-bin/media/upload). Exactly one.',
  isOneOf: true,
  fields: (t) => ({
    mediaId: t.string({ required: false, description: 'A temporary media id (valid 3 days after upload).' }),
    file: t.field({ type: 'File', required: false, description: 'A PNG, JPEG or GIF up to 10 MB, sent as a multipart upload.' }),
  }),
});

const CustomerServiceLinkInput = builder.inputType('CustomerServiceLinkInput', {
  description: 'A link card (mini programs only).',
  fields: (t) => ({
    title: t.string({ description: 'Card title.' }),
    description: t.string({ description: 'Card text.' }),
    url: t.string({ description: 'Where the card leads (http or https).' }),
    thumbUrl: t.string({ description: 'Picture shown on the card (http or https).' }),
  }),
});

const CustomerServiceMiniProgramPageInput = builder.inputType('CustomerServiceMiniProgramPageInput', {
  description: 'A mini-program card.',
  fields: (t) => ({
    title: t.string({ description: 'Card title.' }),
    pagePath: t.string({ description: 'The page the card opens, e.g. "pages/index/index?id=1".' }),
    thumbnail: t.field({ type: CustomerServiceImageInput, description: 'The card picture (WeChat suggests 520x416).' }),
    appId: t.string({ required: false, description: 'AppID of the mini program to open; required when an official account sends the card.' }),
  }),
});

const CustomerServiceMessageInput = builder.inputType('CustomerServiceMessageInput', {
  description: 'A customer-service message: exactly one of text, image, link or mini-program card.',
  isOneOf: true,
  fields: (t) => ({
    text: t.string({ required: false, description: 'Plain text (may contain <a href> links).' }),
    image: t.field({ type: CustomerServiceImageInput, required: false, description: 'An image.' }),
    link: t.field({ type: CustomerServiceLinkInput, required: false, description: 'A link card (mini programs only).' }),
    miniProgramPage: t.field({ type: CustomerServiceMiniProgramPageInput, required: false, description: 'A mini-program card.' }),
  }),
});

const httpUrl = z.string().max(2048, 'may be at most 2048 characters').pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }));
const cardTitle = z.string().min(1, 'must not be empty').max(64, 'may be at most 64 characters');
// Both input types are @oneOf: GraphQL itself guarantees exactly one field is set.
const imageRef = z.object({ mediaId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a media id').nullish(), file: z.custom<File>().nullish() });

const customerServiceSchema = z.object({
  text: z
    .string()
    .refine((v) => v.trim() !== '', 'must not be empty')
    .refine((v) => Buffer.byteLength(v) <= 2048, 'may be at most 2048 bytes (UTF-8)')
    .nullish(),
  image: imageRef.nullish(),
  link: z.object({ title: cardTitle, description: z.string().min(1, 'must not be empty').max(256, 'may be at most 256 characters'), url: httpUrl, thumbUrl: httpUrl }).nullish(),
  miniProgramPage: z
    .object({
      title: cardTitle,
      pagePath: z.string().min(1, 'must not be empty').max(1024, 'may be at most 1024 characters'),
      thumbnail: imageRef,
      appId: z.string().regex(/^wx[0-9a-f]{16}$/i, 'is not an AppID').nullish(),
    })
    .nullish(),
});

type ImageRef = z.infer<typeof imageRef>;
type PreparedImage = { intent: { mediaId: string } | { sha256: string }; mediaId?: string; upload?: MediaFile };

/** Reads and checks an uploaded image now; its hash stands for it in the idempotency check. */
async function prepareImage(image: ImageRef, field: string): Promise<PreparedImage> {
  if (image.mediaId) return { intent: { mediaId: image.mediaId }, mediaId: image.mediaId };
  const { media } = await readImageUpload(image.file!, MEDIA_IMAGE_LIMITS, `${field}.file`);
  return { intent: { sha256: createHash('sha256').update(media.bytes).digest('hex') }, upload: media };
}

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
      idempotencyKey: t.arg.string({ required: false, description: 'Makes the send safe to retry: the same key within 24 h returns the first outcome.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(customerServiceSchema, args.message, 'message');
      const wx = ctx.wechat(args.app);
      if (input.link && wx.app.kind !== 'miniprogram') throw badInput('message.link: link cards exist only in mini-program customer service.', 'message.link');
      if (input.miniProgramPage && wx.app.kind === 'officialAccount' && !input.miniProgramPage.appId)
        throw badInput('message.miniProgramPage.appId: required when an official account sends a mini-program card.', 'message.miniProgramPage.appId');

      // Uploads are read and checked before anything else; they go to WeChat only inside the idempotent run.
      const image = input.image ? await prepareImage(input.image, 'message.image') : undefined;
      const page = input.miniProgramPage;
      const thumbnail = page ? await prepareImage(page.thumbnail, 'message.miniProgramPage.thumbnail') : undefined;
      const mediaIdOf = async (prepared: PreparedImage) => prepared.mediaId ?? (await uploadTemporaryImage(wx, prepared.upload!, ctx.signal)).mediaId;

      const intent = {
        toOpenid: args.toOpenid,
        text: input.text ?? null,
        image: image?.intent ?? null,
        link: input.link ?? null,
        miniProgramPage: page ? { title: page.title, pagePath: page.pagePath, appId: page.appId ?? null, thumbnail: thumbnail!.intent } : null,
      };
      return sendOnce(ctx, wx, 'sendCustomerServiceMessage', CUSTOMER_SERVICE_SEND, args.idempotencyKey, intent, async () => {
        let message: CustomerServiceMessage;
        let mediaId: string | null = null;
        if (input.text) message = { type: 'text', content: input.text };
        else if (input.link) message = { type: 'link', ...input.link };
        else if (image) message = { type: 'image', mediaId: (mediaId = await mediaIdOf(image)) };
        else {
          mediaId = await mediaIdOf(thumbnail!);
          message = { type: 'miniProgramPage', title: page!.title, pagePath: page!.pagePath, thumbMediaId: mediaId, appId: page!.appId ?? undefined };
        }
        await sendCustomerServiceMessage(wx, args.toOpenid, message, ctx.signal);
        return { sentAt: new Date().toISOString(), mediaId };
      });
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
