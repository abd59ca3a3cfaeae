import { createHash } from 'node:crypto';
import { IdempotencyError, runIdempotent, type RecordedFailure, type Settlement } from '../store/idempotency.ts';
import type { Store } from '../store/index.ts';
import {
  CUSTOMER_SERVICE_SEND,
  listSubscribeTemplates,
  sendCustomerServiceMessage,
  sendSubscribeMessage,
  SUBSCRIBE_SEND,
  uploadTemporaryImage,
  type CustomerServiceMessage,
  type MediaFile,
  type SubscribeTemplate,
} from '../wechat/api/messages.ts';
import type { AppClient } from '../wechat/client.ts';
import { sendOutcome, type WeChatApiError, type WeChatTransportError } from '../wechat/errors.ts';
import { invalidInput, ServiceError, transportFailure, wechatFailure } from './errors.ts';
import { IMAGE_LIMITS, type Uploads } from './uploads.ts';

/** How long an idempotency key remembers its outcome. */
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** How long the app's template list is trusted for checking sends. */
const TEMPLATE_CACHE_MS = 5 * 60_000;

export interface SendResult {
  /** ISO time WeChat accepted the message (the first request's, for a replay). */
  sentAt: string;
  mediaId: string | null;
  replayed: boolean;
  idempotencyKey: string | null;
}

export interface SubscribeMessageRequest {
  toOpenid: string;
  templateId: string;
  data: { key: string; value: string }[];
  page?: string | null;
  miniprogramState?: 'developer' | 'trial' | 'formal' | null;
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW' | null;
  idempotencyKey?: string | null;
}

/** A media id from an earlier upload, or a file to upload now: exactly one. */
export interface ImageRef {
  mediaId?: string | null;
  file?: File | null;
}

/** Exactly one of text, image, link or mini-program card. */
export interface CustomerServiceRequest {
  toOpenid: string;
  text?: string | null;
  image?: ImageRef | null;
  link?: { title: string; description: string; url: string; thumbUrl: string } | null;
  miniProgramPage?: { title: string; pagePath: string; thumbnail: ImageRef; appId?: string | null } | null;
  idempotencyKey?: string | null;
}

export interface MessageSenderOptions {
  store: Store;
  uploads: Uploads;
  /** The request deadline: an idempotency key's lease outlives it, a duplicate waits at most this long. */
  requestDeadlineMs: number;
}

type SendOutcome = Omit<SendResult, 'replayed' | 'idempotencyKey'>;
type PreparedImage = { intent: { mediaId: string } | { sha256: string }; mediaId?: string; upload?: MediaFile };

const failureOf = (error: ServiceError): RecordedFailure => ({ code: error.code, message: error.message, details: error.extensions });

/**
 * How a failed send is remembered. WeChat's answer from the send endpoint is final; a send that
 * went out and got no answer is unknown; anything that failed before the send (validation, the
 * token, an image upload, a refused token, a connection never made) is forgotten, so the same
 * key may try again.
 */
function settleSend(endpoint: string, error: unknown): Settlement {
  const outcome = sendOutcome(endpoint, error);
  if (outcome === 'answered') return { state: 'failed', failure: failureOf(wechatFailure(error as WeChatApiError)) };
  if (outcome === 'unknown') return { state: 'unknown', failure: failureOf(transportFailure(error as WeChatTransportError)) };
  return { state: 'release' };
}

/**
 * Sending messages: subscribe messages checked against the app's templates, customer-service
 * messages with their images, each at most once per idempotency key across all instances.
 */
export function createMessageSender(options: MessageSenderOptions) {
  const { store, uploads, requestDeadlineMs } = options;
  const templateCache = store.namespace<SubscribeTemplate[]>('subscribe-templates');

  /** The app's templates: from the store (5 min) unless `fresh`; a fresh list refreshes the store. */
  async function templates(wx: AppClient, fresh: boolean, signal: AbortSignal): Promise<SubscribeTemplate[]> {
    if (!fresh) {
      const hit = await templateCache.get(wx.app.id).catch(() => undefined);
      if (hit) return hit;
    }
    const list = await listSubscribeTemplates(wx, signal);
    await templateCache.set(wx.app.id, list, TEMPLATE_CACHE_MS).catch(() => {});
    return list;
  }

  /**
   * Checks the data against the template's keywords (from the cached list, refreshed once on a
   * miss). If WeChat cannot list templates right now, the send goes ahead on the value rules alone.
   */
  async function checkAgainstTemplate(wx: AppClient, request: SubscribeMessageRequest, signal: AbortSignal): Promise<void> {
    let template: SubscribeTemplate | undefined;
    try {
      template = (await templates(wx, false, signal)).find((t) => t.id === request.templateId);
      template ??= (await templates(wx, true, signal)).find((t) => t.id === request.templateId);
    } catch {
      return;
    }
    if (!template) throw invalidInput(`message.templateId: "${request.templateId}" is not one of this app's templates (see subscribeMessageTemplates).`, 'message.templateId');
    const keys = template.keywords.map((keyword) => keyword.key);
    for (const [index, { key, value }] of request.data.entries()) {
      const keyword = template.keywords.find((k) => k.key === key);
      if (!keyword)
        throw invalidInput(`message.data.${index}.key: "${key}" is not a keyword of template "${template.title}"; its keywords are ${keys.join(', ')}.`, `message.data.${index}.key`);
      if (keyword.enumValues && !keyword.enumValues.includes(value))
        throw invalidInput(`message.data.${index}.value: ${key} must be one of ${keyword.enumValues.join(', ')}.`, `message.data.${index}.value`);
    }
    const missing = template.keywords.filter((keyword) => !request.data.some((entry) => entry.key === keyword.key));
    if (missing.length)
      throw invalidInput(`message.data: template "${template.title}" also needs ${missing.map((k) => `${k.key} (${k.name})`).join(', ')}.`, 'message.data');
  }

  /**
   * Runs a send once per idempotency key across all instances. Without a key it just sends
   * (still never repeated once it may have gone out).
   */
  async function sendOnce(
    wx: AppClient,
    operation: string,
    endpoint: string,
    key: string | null | undefined,
    intent: unknown,
    signal: AbortSignal,
    run: () => Promise<SendOutcome>,
  ): Promise<SendResult> {
    if (!key) return { ...(await run()), replayed: false, idempotencyKey: null };
    try {
      const { value, replayed } = await runIdempotent<SendOutcome>(store, {
        app: wx.app.id,
        operation,
        key,
        args: intent,
        // Outlives the request deadline, so a live request never loses its key to a duplicate.
        leaseMs: requestDeadlineMs + 5_000,
        waitMs: Math.min(requestDeadlineMs, 10_000),
        ttlMs: IDEMPOTENCY_TTL_MS,
        signal,
        run,
        settle: (error) => settleSend(endpoint, error),
        replay: ({ failure }) => new ServiceError(failure.code as ServiceError['code'], failure.message, { ...failure.details, replayed: true, idempotencyKey: key }),
        abandoned: () => ({
          code: 'UPSTREAM_OUTCOME_UNKNOWN',
          message: `An earlier ${operation} with this idempotency key stopped before WeChat answered; it may or may not have been delivered, so it is not sent again.`,
          details: { endpoint },
        }),
      });
      return { ...value, replayed, idempotencyKey: key };
    } catch (error) {
      if (!(error instanceof IdempotencyError)) throw error;
      const extensions = { idempotencyKey: key, field: 'idempotencyKey' };
      if (error.problem === 'mismatch')
        throw new ServiceError('IDEMPOTENCY_KEY_REUSED', `idempotencyKey was already used for a different ${operation}; use a new key for a new message.`, extensions);
      if (error.problem === 'in_progress')
        throw new ServiceError('IDEMPOTENCY_IN_PROGRESS', `A ${operation} with this idempotency key is still in progress; ask again shortly for its outcome.`, extensions);
      throw new ServiceError(
        'STORE_UNAVAILABLE',
        'Idempotency keys are kept in the shared store, which is unreachable right now; nothing was sent. Retry later.',
        extensions,
      );
    }
  }

  /** Reads and checks an uploaded image now; its hash stands for it in the idempotency check. */
  async function prepareImage(image: ImageRef, field: string): Promise<PreparedImage> {
    if (image.mediaId) return { intent: { mediaId: image.mediaId }, mediaId: image.mediaId };
    const { media } = await uploads.readImage(image.file!, IMAGE_LIMITS.media, `${field}.file`);
    return { intent: { sha256: createHash('sha256').update(media.bytes).digest('hex') }, upload: media };
  }

  return {
    /** The app's subscribe-message templates; `fresh` skips the 5-minute cache (and refreshes it). */
    templates: (wx: AppClient, signal: AbortSignal, { fresh = true }: { fresh?: boolean } = {}) => templates(wx, fresh, signal),

    /** cgi-bin/message/subscribe/send, after checking the data against the template. */
    async sendSubscribe(wx: AppClient, request: SubscribeMessageRequest, signal: AbortSignal): Promise<SendResult> {
      const data = Object.fromEntries(request.data.map(({ key, value }) => [key, value]));
      const message = {
        toOpenid: request.toOpenid,
        templateId: request.templateId,
        data,
        page: request.page ?? undefined,
        miniprogramState: request.miniprogramState ?? undefined,
        lang: request.lang ?? undefined,
      };
      const intent = { ...message, data: Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)) };
      return sendOnce(wx, 'sendSubscribeMessage', SUBSCRIBE_SEND, request.idempotencyKey, intent, signal, async () => {
        await checkAgainstTemplate(wx, request, signal);
        await sendSubscribeMessage(wx, message, signal);
        return { sentAt: new Date().toISOString(), mediaId: null };
      });
    },

    /** cgi-bin/message/custom/send; an uploaded image goes to WeChat (cgi-bin/media/upload) only inside the idempotent run. */
    async sendCustomerService(wx: AppClient, request: CustomerServiceRequest, signal: AbortSignal): Promise<SendResult> {
      if (request.link && wx.app.kind !== 'miniprogram') throw invalidInput('message.link: link cards exist only in mini-program customer service.', 'message.link');
      if (request.miniProgramPage && wx.app.kind === 'officialAccount' && !request.miniProgramPage.appId)
        throw invalidInput('message.miniProgramPage.appId: required when an official account sends a mini-program card.', 'message.miniProgramPage.appId');

      // Uploads are read and checked before anything else.
      const image = request.image ? await prepareImage(request.image, 'message.image') : undefined;
      const page = request.miniProgramPage;
      const thumbnail = page ? await prepareImage(page.thumbnail, 'message.miniProgramPage.thumbnail') : undefined;
      const mediaIdOf = async (prepared: PreparedImage) => prepared.mediaId ?? (await uploadTemporaryImage(wx, prepared.upload!, signal)).mediaId;

      const intent = {
        toOpenid: request.toOpenid,
        text: request.text ?? null,
        image: image?.intent ?? null,
        link: request.link ?? null,
        miniProgramPage: page ? { title: page.title, pagePath: page.pagePath, appId: page.appId ?? null, thumbnail: thumbnail!.intent } : null,
      };
      return sendOnce(wx, 'sendCustomerServiceMessage', CUSTOMER_SERVICE_SEND, request.idempotencyKey, intent, signal, async () => {
        let message: CustomerServiceMessage;
        let mediaId: string | null = null;
        if (request.text) message = { type: 'text', content: request.text };
        else if (request.link) message = { type: 'link', ...request.link };
        else if (image) message = { type: 'image', mediaId: (mediaId = await mediaIdOf(image)) };
        else {
          mediaId = await mediaIdOf(thumbnail!);
          message = { type: 'miniProgramPage', title: page!.title, pagePath: page!.pagePath, thumbMediaId: mediaId, appId: page!.appId ?? undefined };
        }
        await sendCustomerServiceMessage(wx, request.toOpenid, message, signal);
        return { sentAt: new Date().toISOString(), mediaId };
      });
    },
  };
}

export type MessageSender = ReturnType<typeof createMessageSender>;
