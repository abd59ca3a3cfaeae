import { createWebClient, isGatewayError, SignInError } from '@wechat-graphql/client';
import { MeDocument, MyEventsDocument, WebAuthorizationUrlDocument, WebLoginDocument } from './gql/graphql';

declare global {
  interface Window {
    /** Set by config.js: the gateway's /graphql URL (another origin: the gateway's CORS_ORIGINS must list this page's). */
    GATEWAY_URL?: string;
  }
}

const $ = (id: string) => document.getElementById(id)!;
const show = (id: string, text: string) => ($(id).textContent = text);

const client = createWebClient({
  url: window.GATEWAY_URL ?? '/graphql',
  authorizationUrl: WebAuthorizationUrlDocument,
  login: WebLoginDocument,
  // USERINFO asks the user once and brings the nickname and avatar; BASE is silent.
  scope: 'USERINFO',
  // The gateway runs with PERSISTED_OPERATIONS_ONLY: only codegen hashes are sent.
  persistedOperations: true,
});

async function main() {
  show('status', 'signing in…');
  // Back from WeChat with ?code=&state=: exchange the code for a session.
  await client.auth.complete();
  // Without a session this sends the browser to WeChat's authorization page.
  const { me } = await client.request(MeDocument);
  show('status', 'signed in');
  show('openid', me.openid);
  show('nickname', me.profile?.nickname ?? '(no profile: scope BASE)');
  show('expires', new Date(me.sessionExpiresAt).toLocaleString());

  client.subscribe(MyEventsDocument, {}, {
    connected: () => show('live', 'live'),
    reconnecting: ({ delayMs }) => show('live', `reconnecting in ${Math.round(delayMs / 1000)} s`),
    next: ({ viewerEvents: event }) => {
      const item = document.createElement('li');
      item.textContent = `${event.type}: ${event.content ?? ''}`;
      item.dataset.id = event.id;
      $('events').append(item);
    },
    error: (error) => show('live', `stopped: ${error.message}`),
  });
}

main().catch((error: unknown) => {
  if (error instanceof SignInError) show('status', `sign-in failed: ${error.message}`);
  else if (isGatewayError(error, 'RATE_LIMITED')) show('status', `busy, try again in ${error.retryAfter} s`);
  else show('status', `error: ${(error as Error).message}`);
});
