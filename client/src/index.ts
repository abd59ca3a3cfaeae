export { memoryStorage, sessionAuth, type Authenticator, type SessionAuthOptions, type SessionStorage, type StoredSession } from './auth.js';
export {
  apiKeyAuth,
  createClient,
  type ClientOptions,
  type GatewayClient,
  type RequestOptions,
  type SubscriptionHandlers,
} from './client.js';
export type { DocumentMeta, DocumentTypeDecoration, Printer, ResultOf, TypedDocument, VariablesOf } from './document.js';
export { GatewayError, SignInError, TransportError, isGatewayError, type ErrorCode, type GraphQLErrorEntry, type KnownErrorCode } from './errors.js';
export { fetchTransport, type FetchTransportOptions } from './fetch.js';
export {
  createMiniProgramClient,
  miniProgramAuth,
  wxLogin,
  wxStorage,
  wxTransport,
  type LoginDocument,
  type MiniProgramApi,
  type MiniProgramAuthOptions,
  type MiniProgramClientOptions,
  type MiniProgramRequestOptions,
  type MiniProgramRequestTask,
} from './miniprogram.js';
export { createSseParser, type SseEvent } from './sse.js';
export type { AbortSignalLike, HttpRequest, HttpResponse, StreamHandle, StreamSink, Transport } from './transport.js';
export {
  createWebClient,
  localStorageSession,
  webAuth,
  type BrowserEnv,
  type WebAuthOptions,
  type WebAuthScope,
  type WebAuthorizationUrlDocument,
  type WebClientOptions,
  type WebLoginDocument,
} from './web.js';
