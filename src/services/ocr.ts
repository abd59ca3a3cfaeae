import type { AppClient } from '../wechat/client.ts';
import { recognize, type OcrImage, type OcrKind, type OcrMode, type OcrResult } from '../wechat/api/ocr.ts';
import { inspectImage } from '../wechat/api/security.ts';
import { invalidInput } from './errors.ts';

/** cv/ocr/*: the image must be under 2 MB (every OCR doc page). */
export const OCR_MAX_BYTES = 2 * 1024 * 1024;
/** Longest image URL accepted; WeChat's own limit is not documented, a query string has to stay sane. */
export const OCR_MAX_URL_LENGTH = 2048;

export interface OcrRequest {
  /** A GraphQL multipart upload. */
  image?: File | null;
  /** Or a URL WeChat downloads the image from. */
  imageUrl?: string | null;
  mode?: OcrMode | null;
}

// ---------------------------------------------------------------------------------------------
// Upload reading (adapter). The structure work extracts an `uploads` service from
// src/graphql/types/security.ts; until it lands, this reads and sniffs the upload with the
// header inspector that already exists, and is the one place to switch over.

interface CheckedImage {
  bytes: Uint8Array<ArrayBuffer>;
  format: 'png' | 'jpeg';
}

async function readImage(file: File, maxBytes: number, field: string): Promise<CheckedImage> {
  if (file.size === 0) throw invalidInput(`${field}: the file is empty.`, field);
  if (file.size > maxBytes) throw invalidInput(`${field}: ${file.size} bytes is over WeChat's OCR limit of ${maxBytes} bytes (2 MB).`, field);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const info = inspectImage(bytes);
  if (!info || (info.format !== 'png' && info.format !== 'jpeg'))
    throw invalidInput(`${field}: not a PNG or JPEG image (judged by its content, not its name or type).`, field);
  return { bytes, format: info.format };
}

// ---------------------------------------------------------------------------------------------

function checkUrl(raw: string): string {
  const field = 'imageUrl';
  if (raw.length > OCR_MAX_URL_LENGTH) throw invalidInput(`${field}: at most ${OCR_MAX_URL_LENGTH} characters.`, field);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidInput(`${field}: not a URL; give the http(s) address WeChat should download the image from.`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidInput(`${field}: must be an http or https URL (got ${url.protocol}).`, field);
  // Sent as given (URLSearchParams encodes it once): a URL encoded twice is WeChat's everyday 101000.
  return raw;
}

/**
 * OCR: checks the image (by content, ≤ 2 MB) or its URL before WeChat is called, then runs
 * one recogniser. Nothing is cached and nothing of the result is logged: identity documents,
 * bank cards and licences are personal data.
 */
export function createOcr() {
  async function image(request: OcrRequest): Promise<OcrImage> {
    const hasFile = request.image !== undefined && request.image !== null;
    const hasUrl = request.imageUrl !== undefined && request.imageUrl !== null;
    if (hasFile === hasUrl) throw invalidInput('Give exactly one of image (a multipart upload) and imageUrl.', hasFile ? 'imageUrl' : 'image');
    if (hasUrl) return { url: checkUrl(request.imageUrl!) };
    const { bytes, format } = await readImage(request.image!, OCR_MAX_BYTES, 'image');
    return { bytes, contentType: `image/${format}`, filename: `upload.${format === 'jpeg' ? 'jpg' : 'png'}` };
  }

  return {
    async recognize<K extends OcrKind>(wx: AppClient, kind: K, request: OcrRequest, signal?: AbortSignal): Promise<OcrResult<K>> {
      const source = await image(request);
      return recognize(wx, kind, source, request.mode ?? 'photo', signal);
    },
  };
}

export type OcrService = ReturnType<typeof createOcr>;
