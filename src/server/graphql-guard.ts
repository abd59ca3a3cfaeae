import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { RateLimiter } from '../store/rate-limit.ts';

/** Largest /graphql bodies: uploads carry images (WeChat takes up to 10 MB for media/upload). */
export const BODY_LIMITS = { json: 2 * 1024 * 1024, multipart: 12 * 1024 * 1024 };

/** Set on a request whose anonymous caller was already charged, so execution does not charge again. */
export const ANONYMOUS_CHARGED = Symbol('anonymous caller charged');

const isMultipart = (req: IncomingMessage) => String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}, extensions = {}) {
  if (res.headersSent) return;
  // The unread rest of the body is discarded, and the connection closed after the answer, so
  // the client reads the refusal instead of a reset.
  req.resume();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/**
 * In front of yoga for `POST /graphql`: an anonymous caller (no x-api-key, no Authorization)
 * is charged before a byte of the body is read, and the body is read with a cap on the bytes
 * actually received (raw-body), whether it announced a Content-Length or came chunked; yoga
 * then parses the buffered body (whatwg-node takes `req.body` as already read).
 */
export function createGraphQLGuard(anonymous: RateLimiter | undefined, clientAddress: (req: IncomingMessage) => string, yoga: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return yoga(req, res);
    if (anonymous && !req.headers['x-api-key'] && !req.headers.authorization) {
      // The limiter falls back to memory when Redis fails; anything else lets the request through.
      const verdict = await anonymous.consume(clientAddress(req)).catch(() => ({ allowed: true as const }));
      if (!verdict.allowed) {
        const retryAfter = Math.ceil(verdict.retryAfterMs / 1000);
        return refuse(req, res, 429, `Too many requests from this caller; try again in ${retryAfter} s.`, 'RATE_LIMITED', { 'retry-after': String(retryAfter) }, { retryAfter });
      }
      (req as IncomingMessage & { [ANONYMOUS_CHARGED]?: true })[ANONYMOUS_CHARGED] = true;
    }
    const limit = isMultipart(req) ? BODY_LIMITS.multipart : BODY_LIMITS.json;
    let body: Buffer;
    try {
      body = await getRawBody(req, { limit, length: req.headers['content-length'] });
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') return refuse(req, res, 413, `Request body over ${limit / 1024 / 1024} MiB.`, 'BAD_REQUEST');
      // The client went away or sent fewer bytes than it announced.
      return refuse(req, res, 400, 'The request body could not be read.', 'BAD_REQUEST');
    }
    (req as IncomingMessage & { body?: Buffer }).body = body;
    return yoga(req, res);
  };
}
