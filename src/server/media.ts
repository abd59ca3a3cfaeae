import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaStore } from '../store/media.ts';
import type { Store } from '../store/index.ts';

const YEAR_SECONDS = 365 * 86_400;

function sendError(res: ServerResponse, status: 404 | 405 | 503, error: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify({ error }));
}

/**
 * `GET /media/:id`: a stored image. Ids are random and the bytes under one never change, so
 * the answer is `immutable` until the image expires (unlimited QR codes) or for a year
 * (limited ones, kept for ever). No credentials: whoever holds the id may fetch it.
 */
export function createMediaHandler(store: Store) {
  const media = mediaStore(store);
  return async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    let found;
    try {
      found = await media.get(id);
    } catch {
      return sendError(res, 503, 'media store unavailable', { 'retry-after': '5' });
    }
    if (!found) return sendError(res, 404, 'no such media (unknown or expired id)');
    const maxAge = found.expiresAt === undefined ? YEAR_SECONDS : Math.max(0, Math.floor((found.expiresAt - Date.now()) / 1000));
    const headers = {
      etag: found.etag,
      'cache-control': `public, max-age=${maxAge}, immutable`,
      'last-modified': new Date(found.createdAt).toUTCString(),
      'x-content-type-options': 'nosniff',
    };
    const tags = req.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags?.includes(found.etag) || tags?.includes('*')) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'content-type': found.contentType, 'content-length': String(found.byteSize) });
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
  };
}
