import { createHash } from 'node:crypto';
import { IdempotencyError, runIdempotent, type RecordedFailure, type Settlement } from '../store/idempotency.ts';
import type { Store } from '../store/store.ts';
import { listSubscribeTemplates, type SubscribeTemplate } from '../wechat/api/messages.ts';
import {
  BIZSEND,
  listPrivateTemplates,
  sendSubscriptionNotification,
  sendTemplateMessage,
  TEMPLATE_SEND,
  type MiniProgramJump,
  type PrivateTemplate,
} from '../wechat/api/oa-templates.ts';
import type { AppClient } from '../wechat/client.ts';
import { sendOutcome, type WeChatApiError, type WeChatTransportError } from '../wechat/errors.ts';
import { invalidInput, ServiceError, transportFailure, wechatFailure } from './errors.ts';

/** How long an idempotency key remembers its outcome. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** The template lists are read again after this. */
export const TEMPLATE_CACHE_MS = 5 * 60_000;
/**
 * Since 2023-05-04 WeChat no longer shows `first` and `remark`, ignores colours, and shows a
 * keyword value on one line of at most 20 characters, cutting the rest (template-message
 * rule change announced 2023-03-30). Text that would be lost is refused, not sent.
 */
export const HIDDEN_PLACEHOLDERS = ['first', 'remark'];
export const TEMPLATE_VALUE_MAX = 20;

export interface TemplateEntry {
  key: string;
  value: string;
  color?: string;
}

export interface TemplateSendInput {
  toOpenid: string;
  templateId: string;
  data: TemplateEntry[];
  url?: string;
  miniProgram?: MiniProgramJump;
}

export interface TemplateSendResult {
  msgId: string;
  sentAt: string;
  replayed: boolean;
  idempotencyKey: string | null;
  /** What WeChat will do differently from what was asked (colours ignored...). */
  warnings: string[];
}

export interface NotificationInput {
  toOpenid: string;
  templateId: string;
  data: { key: string; value: string }[];
  page?: string;
  miniProgram?: MiniProgramJump;
}

export interface NotificationResult {
  sentAt: string;
  replayed: boolean;
  idempotencyKey: string | null;
}

const failureOf = (error: ServiceError): RecordedFailure => ({ code: error.code, message: error.message, details: error.extensions });

/** WeChat's answer is final; a send that went out unanswered is unknown; a failure before the send is forgotten. */
function settle(endpoint: string, error: unknown): Settlement {
  const outcome = sendOutcome(endpoint, error);
  if (outcome === 'answered') return { state: 'failed', failure: failureOf(wechatFailure(error as WeChatApiError)) };
  if (outcome === 'unknown') return { state: 'unknown', failure: failureOf(transportFailure(error as WeChatTransportError)) };
  return { state: 'release' };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

export interface TemplateMessagesDeps {
  store: Store;
  /** The request deadline: an idempotency lease outlives it. */
  requestDeadlineMs: number;
}

/**
 * Official Account template messages and subscription notifications: data checked against the
 * account's templates (cached lists) and WeChat's 2023 rules before any send, and each send run
 * at most once per idempotency key across instances. Template sends also carry WeChat's own
 * client_msg_id (derived from the key), so a transient failure can be retried without a
 * second delivery.
 */
export function createTemplateMessages(deps: TemplateMessagesDeps) {
  const { store } = deps;
  const templateCache = store.namespace<PrivateTemplate[]>('oa-templates');
  const notificationCache = store.namespace<SubscribeTemplate[]>('oa-subscribe-templates');

  interface Space<T> {
    get(key: string): Promise<T | undefined>;
    set(key: string, value: T, ttl?: number): Promise<unknown>;
  }
  async function cached<T>(space: Space<T>, wx: AppClient, fresh: boolean, load: () => Promise<T>): Promise<T> {
    if (!fresh) {
      const hit = await space.get(wx.app.id).catch(() => undefined);
      if (hit) return hit;
    }
    const value = await load();
    await space.set(wx.app.id, value, TEMPLATE_CACHE_MS).catch(() => {});
    return value;
  }

  const templates = (wx: AppClient, fresh: boolean, signal?: AbortSignal) => cached<PrivateTemplate[]>(templateCache as Space<PrivateTemplate[]>, wx, fresh, () => listPrivateTemplates(wx, signal));
  const notificationTemplates = (wx: AppClient, fresh: boolean, signal?: AbortSignal) =>
    cached<SubscribeTemplate[]>(notificationCache as Space<SubscribeTemplate[]>, wx, fresh, () => listSubscribeTemplates(wx, signal));

  /** A template from the cached list, or from a fresh list when it is not there (just added). */
  async function find<T>(list: (fresh: boolean) => Promise<T[]>, match: (t: T) => boolean): Promise<T | undefined> {
    return (await list(false)).find(match) ?? (await list(true)).find(match);
  }

  /** The 2023 rules and the template's placeholders; returns warnings for what WeChat ignores. */
  async function checkTemplateData(wx: AppClient, input: TemplateSendInput, signal?: AbortSignal): Promise<string[]> {
    const warnings: string[] = [];
    const seen = new Set<string>();
    for (const [index, entry] of input.data.entries()) {
      const field = `data.${index}`;
      if (seen.has(entry.key)) throw invalidInput(`${field}.key: ${entry.key} is given twice.`, `${field}.key`);
      seen.add(entry.key);
      if (HIDDEN_PLACEHOLDERS.includes(entry.key.toLowerCase()))
        throw invalidInput(
          `${field}.key: WeChat has not shown "${entry.key}" since 2023-05-04, so its text would be lost; put what matters in a keyword or leave it out.`,
          `${field}.key`,
        );
      if (entry.value.trim() === '') throw invalidInput(`${field}.value: ${entry.key} must not be empty.`, `${field}.value`);
      if (/[\r\n\u0000-\u001f\u007f]/.test(entry.value))
        throw invalidInput(`${field}.value: ${entry.key} is shown on one line since 2023-05; line breaks and control characters are refused.`, `${field}.value`);
      if ([...entry.value].length > TEMPLATE_VALUE_MAX)
        throw invalidInput(
          `${field}.value: ${entry.key} has ${[...entry.value].length} characters; WeChat shows at most ${TEMPLATE_VALUE_MAX} since 2023-05 and cuts the rest.`,
          `${field}.value`,
        );
      if (entry.color) warnings.push(`data.${index}.color: WeChat ignores colours since 2023-05-04; ${entry.key} is shown in the default colour.`);
    }
    let template: PrivateTemplate | undefined;
    try {
      template = await find((fresh) => templates(wx, fresh, signal), (t) => t.templateId === input.templateId);
    } catch {
      // WeChat cannot list templates right now: the send goes ahead on the rules above alone.
      return warnings;
    }
    if (!template) throw invalidInput(`templateId: "${input.templateId}" is not one of this account's templates (see officialAccountTemplates).`, 'templateId');
    const placeholders = template.placeholders.filter((name) => !HIDDEN_PLACEHOLDERS.includes(name.toLowerCase()));
    for (const [index, { key }] of input.data.entries())
      if (!template.placeholders.includes(key))
        throw invalidInput(`data.${index}.key: "${key}" is not a placeholder of template "${template.title}"; its placeholders are ${placeholders.join(', ')}.`, `data.${index}.key`);
    const missing = placeholders.filter((name) => !seen.has(name));
    if (missing.length) throw invalidInput(`data: template "${template.title}" also needs ${missing.join(', ')}.`, 'data');
    if (input.url && input.miniProgram) warnings.push('url: WeChat opens the mini program; url is used only where mini programs cannot open.');
    return warnings;
  }

  async function checkNotificationData(wx: AppClient, input: NotificationInput, signal?: AbortSignal): Promise<void> {
    let template: SubscribeTemplate | undefined;
    try {
      template = await find((fresh) => notificationTemplates(wx, fresh, signal), (t) => t.id === input.templateId);
    } catch {
      return;
    }
    if (!template) throw invalidInput(`templateId: "${input.templateId}" is not one of this account's subscription templates (wxaapi/newtmpl/gettemplate).`, 'templateId');
    const keys = template.keywords.map((k) => k.key);
    for (const [index, { key, value }] of input.data.entries()) {
      const keyword = template.keywords.find((k) => k.key === key);
      if (!keyword) throw invalidInput(`data.${index}.key: "${key}" is not a keyword of template "${template.title}"; its keywords are ${keys.join(', ')}.`, `data.${index}.key`);
      if (value.trim() === '') throw invalidInput(`data.${index}.value: ${key} must not be empty.`, `data.${index}.value`);
      if (keyword.enumValues && !keyword.enumValues.includes(value))
        throw invalidInput(`data.${index}.value: ${key} must be one of ${keyword.enumValues.join(', ')}.`, `data.${index}.value`);
    }
    const missing = template.keywords.filter((k) => !input.data.some((entry) => entry.key === k.key));
    if (missing.length) throw invalidInput(`data: template "${template.title}" also needs ${missing.map((k) => `${k.key} (${k.name})`).join(', ')}.`, 'data');
  }

  /** Runs `run` once per key; without a key it just runs (a send that may have arrived is still never repeated). */
  async function once<T>(wx: AppClient, operation: string, endpoint: string, key: string | undefined, intent: unknown, signal: AbortSignal, run: () => Promise<T>) {
    if (!key) return { value: await run(), replayed: false, idempotencyKey: null };
    if (!IDEMPOTENCY_KEY.test(key)) throw invalidInput('idempotencyKey: must be 1 to 128 visible ASCII characters (a UUID is typical).', 'idempotencyKey');
    const extensions = { idempotencyKey: key, field: 'idempotencyKey' };
    try {
      const { value, replayed } = await runIdempotent<T>(store, {
        app: wx.app.id,
        operation,
        key,
        args: intent,
        leaseMs: deps.requestDeadlineMs + 5_000,
        waitMs: Math.min(deps.requestDeadlineMs, 10_000),
        ttlMs: IDEMPOTENCY_TTL_MS,
        signal,
        run,
        settle: (error) => settle(endpoint, error),
        replay: ({ failure }) => new ServiceError(failure.code as ServiceError['code'], failure.message, { ...failure.details, replayed: true, idempotencyKey: key }),
        abandoned: () => ({
          code: 'UPSTREAM_OUTCOME_UNKNOWN',
          message: `An earlier ${operation} with this idempotency key stopped before WeChat answered; it may or may not have been delivered, so it is not sent again.`,
          details: { endpoint },
        }),
      });
      return { value, replayed, idempotencyKey: key };
    } catch (error) {
      if (!(error instanceof IdempotencyError)) throw error;
      if (error.problem === 'mismatch')
        throw new ServiceError('IDEMPOTENCY_KEY_REUSED', `idempotencyKey was already used for a different ${operation}; use a new key for a new message.`, extensions);
      if (error.problem === 'in_progress')
        throw new ServiceError('IDEMPOTENCY_IN_PROGRESS', `A ${operation} with this idempotency key is still in progress; ask again shortly for its outcome.`, extensions);
      throw new ServiceError('STORE_UNAVAILABLE', 'Idempotency keys are kept in the shared store, which is unreachable right now; nothing was sent. Retry later.', extensions);
    }
  }

  return {
    /** The account's template-message templates (cached 5 minutes unless `fresh`). */
    templates,
    /** The account's subscription-notification templates (wxaapi/newtmpl/gettemplate, cached 5 minutes). */
    notificationTemplates,
    /** Forgets the cached template list (after an add or a delete). */
    async forgetTemplates(wx: AppClient): Promise<void> {
      await templateCache.delete(wx.app.id).catch(() => {});
    },

    async sendTemplate(wx: AppClient, input: TemplateSendInput, idempotencyKey: string | undefined, signal: AbortSignal): Promise<TemplateSendResult> {
      const data = Object.fromEntries(input.data.map(({ key, value, color }) => [key, color ? { value, color } : { value }]));
      const intent = { ...input, data: Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)) };
      // Warnings are recomputed for replays too: they describe the request, not the outcome.
      let warnings: string[] = [];
      const outcome = await once(wx, 'sendTemplateMessage', TEMPLATE_SEND, idempotencyKey, intent, signal, async () => {
        warnings = await checkTemplateData(wx, input, signal);
        // WeChat's own dedupe key (≤ 32 characters here), the same for every retry of this key.
        const clientMsgId = idempotencyKey ? createHash('sha256').update(`${wx.app.appid}:${idempotencyKey}`).digest('base64url').slice(0, 32) : undefined;
        const { msgId } = await sendTemplateMessage(wx, { ...input, data, clientMsgId }, signal);
        return { msgId, sentAt: new Date().toISOString() };
      });
      if (outcome.replayed) warnings = input.data.flatMap((entry, index) => (entry.color ? [`data.${index}.color: WeChat ignores colours since 2023-05-04.`] : []));
      return { ...outcome.value, replayed: outcome.replayed, idempotencyKey: outcome.idempotencyKey, warnings };
    },

    async sendNotification(wx: AppClient, input: NotificationInput, idempotencyKey: string | undefined, signal: AbortSignal): Promise<NotificationResult> {
      const data = Object.fromEntries(input.data.map(({ key, value }) => [key, value]));
      const intent = { ...input, data: Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)) };
      const outcome = await once(wx, 'sendSubscriptionNotification', BIZSEND, idempotencyKey, intent, signal, async () => {
        await checkNotificationData(wx, input, signal);
        await sendSubscriptionNotification(wx, { ...input, data }, signal);
        return { sentAt: new Date().toISOString() };
      });
      return { ...outcome.value, replayed: outcome.replayed, idempotencyKey: outcome.idempotencyKey };
    },
  };
}

export type TemplateMessages = ReturnType<typeof createTemplateMessages>;
