import { createHash, randomBytes } from 'node:crypto';
import type { Store } from './store.ts';

/**
 * Images the gateway keeps and serves at `/media/:id` (QR codes today).
 *
 * Ids are 128 random bits (base64url, 22 characters): unguessable, so `/media/:id` needs no
 * credentials and a stored image is only reachable by whoever was handed its id. The bytes
 * under an id never change, so they are served as immutable.
 */
export interface MediaRecord {
  contentType: string;
  /** The bytes, base64 (keyv stores JSON). */
  data: string;
  byteSize: number;
  /** Strong ETag: sha256 of the bytes. */
  etag: string;
  /** What produced it, e.g. `qrcode:LIMITED`. */
  kind: string;
  /** The configured app id it belongs to. */
  app: string;
  createdAt: number;
  /** Epoch ms; absent = kept for ever. */
  expiresAt?: number;
}

export interface StoredMedia extends Omit<MediaRecord, 'data'> {
  id: string;
  bytes: Buffer;
}

export const MEDIA_NAMESPACE = 'media';
export const MEDIA_ID = /^[A-Za-z0-9_-]{22}$/;

export interface NewMedia {
  contentType: string;
  bytes: Buffer;
  kind: string;
  app: string;
}

export function mediaStore(store: Store) {
  const space = store.namespace<MediaRecord>(MEDIA_NAMESPACE);
  const toStored = (id: string, { data, ...record }: MediaRecord): StoredMedia => ({ ...record, id, bytes: Buffer.from(data, 'base64') });
  return {
    /** Keeps the image for `ttlMs` (for ever when undefined) under a new random id. */
    async put(media: NewMedia, ttlMs?: number): Promise<StoredMedia> {
      const id = randomBytes(16).toString('base64url');
      const now = Date.now();
      const record: MediaRecord = {
        contentType: media.contentType,
        data: media.bytes.toString('base64'),
        byteSize: media.bytes.length,
        etag: `"${createHash('sha256').update(media.bytes).digest('base64url')}"`,
        kind: media.kind,
        app: media.app,
        createdAt: now,
        ...(ttlMs === undefined ? {} : { expiresAt: now + ttlMs }),
      };
      await space.set(id, record, ttlMs);
      return toStored(id, record);
    },
    async get(id: string): Promise<StoredMedia | undefined> {
      if (!MEDIA_ID.test(id)) return undefined;
      const record = await space.get(id);
      if (!record || (record.expiresAt !== undefined && record.expiresAt <= Date.now())) return undefined;
      return toStored(id, record);
    },
  };
}

export type MediaStore = ReturnType<typeof mediaStore>;
