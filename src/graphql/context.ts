import type { YogaInitialContext } from 'graphql-yoga';
import type { AppConfig, Config } from '../config/index.ts';
import type { LocalDeliveryService } from '../services/local-delivery.ts';
import type { LogisticsService } from '../services/logistics.ts';
import type { OcrService } from '../services/ocr.ts';
import type { AnalyticsReports } from '../services/analytics-reports.ts';
import type { ContentSecurity } from '../services/content-security.ts';
import type { MessageSender } from '../services/message-sender.ts';
import type { QRCodes } from '../services/qr-codes.ts';
import type { Uploads } from '../services/uploads.ts';
import type { WebAuth } from '../services/web-auth.ts';
import type { EventBus } from '../store/event-bus.ts';
import type { OAQRCodes } from '../services/oa-qrcodes.ts';
import type { PublisherStats } from '../services/publisher-stats.ts';
import type { TemplateMessages } from '../services/template-messages.ts';
import type { SessionStore, Store } from '../store/index.ts';
import type { AppClient } from '../wechat/client.ts';
import type { PushEvent } from '../wechat/events.ts';
import type { TokenManager } from '../wechat/token.ts';
import { badInput } from './errors.ts';
import { authenticate, type CredentialProblem, type Principal } from './principal.ts';

/** Long-lived services the gateway builds once and every request shares. */
export interface Services {
  config: Config;
  store: Store;
  sessions: SessionStore;
  tokens: TokenManager;
  clients: ReadonlyMap<string, AppClient>;
  resolveApiKey(key: string): Principal | null;
  /** Live WeChat pushes, per app (Redis pub/sub when REDIS_URL is set). */
  events: EventBus<PushEvent>;
  ocr: OcrService;
  logistics: LogisticsService;
  localDelivery: LocalDeliveryService;
  /** Mini-program codes: one WeChat call per distinct code, the 100 000 limited-code ledger. */
  qrCodes: QRCodes;
  /** Reading uploaded files (images judged by their bytes, against WeChat's limits). */
  uploads: Uploads;
  /** Subscribe and customer-service messages: template checks, at most once per idempotency key. */
  messageSender: MessageSender;
  /** Text and image checks (WeChat's per-app limits are kept by the WeChat client itself). */
  contentSecurity: ContentSecurity;
  /** Analytics reports: each past day fetched once and kept, concurrent requests share a fetch. */
  analyticsReports: AnalyticsReports;
  /** Official Account web authorization → sessions (webLogin). */
  webAuth: WebAuth;
  /** Official Account parametric QR codes: ledger, quota, reuse (issue #15). */
  oaQRCodes: OAQRCodes;
  /** Template messages and subscription notifications, idempotent (issue #15). */
  templateMessages: TemplateMessages;
  /** publisher/stat: ad and commission statistics (issue #15). */
  publisherStats: PublisherStats;
}

export interface Context {
  principal: Principal | null;
  credentialProblem?: CredentialProblem;
  /** Aborts when the client goes away or the request deadline passes; every upstream call honours it. */
  signal: AbortSignal;
  services: Services;
  /** The WeChat client of the app a field names, or of the first configured app (of `kind`). */
  wechat(appId?: string | null, kind?: AppConfig['kind']): AppClient;
}

const KIND_NAMES: Record<AppConfig['kind'], string> = { miniprogram: 'a mini program', officialAccount: 'an Official Account' };

export function createContextFactory(services: Services) {
  const apps = services.config.apps;
  const appIds = [...services.clients.keys()].join(', ');
  return async (initial: YogaInitialContext): Promise<Omit<Context, 'signal'>> => {
    const { request } = initial;
    const { principal, problem } = await authenticate(request.headers, services.resolveApiKey, services.sessions);
    // Made on first use: most fields never call WeChat, and the request's signal (created by
    // reading it) and the deadline timer cost more than resolving such a field. Yoga copies the
    // returned fields into its own context object (Object.assign reads getters), so the getter
    // is put on that object itself.
    let signal: AbortSignal | undefined;
    Object.defineProperty(initial, 'signal', {
      get: () => (signal ??= AbortSignal.any([request.signal, AbortSignal.timeout(services.config.requestDeadlineMs)])),
      enumerable: true,
      configurable: true,
    });
    return {
      principal,
      credentialProblem: problem,
      services,
      wechat(appId, kind) {
        // Without an app, the first configured one, or the first of the kind the field needs.
        const fallback = (kind ? apps.find((app) => app.kind === kind) : apps[0])?.id;
        const client = services.clients.get(appId ?? fallback ?? '');
        if (!client) throw badInput(`Unknown app "${appId}". Configured apps: ${appIds}.`, 'app');
        if (kind && client.app.kind !== kind)
          throw badInput(`App "${client.app.id}" is ${KIND_NAMES[client.app.kind]}; this field needs ${KIND_NAMES[kind]}${fallback ? ` such as "${fallback}"` : ''}.`, 'app');
        return client;
      },
    };
  };
}
