import type { AppClient } from '../wechat/client.ts';
import { recognize, type OcrImage, type OcrKind, type OcrMode, type OcrResult } from '../wechat/api/ocr.ts';
import { invalidInput } from './errors.ts';
import type { Uploads } from './uploads.ts';

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
export function createOcr(deps: { uploads: Uploads }) {
  async function image(request: OcrRequest): Promise<OcrImage> {
    const hasFile = request.image !== undefined && request.image !== null;
    const hasUrl = request.imageUrl !== undefined && request.imageUrl !== null;
    if (hasFile === hasUrl) throw invalidInput('Give exactly one of image (a multipart upload) and imageUrl.', hasFile ? 'imageUrl' : 'image');
    if (hasUrl) return { url: checkUrl(request.imageUrl!) };
    // Read and sniffed by the uploads service (by content, ≤ 2 MB); OCR takes PNG and JPEG only.
    const { media, info } = await deps.uploads.readImage(request.image!, { maxBytes: OCR_MAX_BYTES }, 'image');
    if (info.format !== 'png' && info.format !== 'jpeg') throw invalidInput(`image: a ${info.format.toUpperCase()} image; OCR takes PNG or JPEG.`, 'image');
    return media;
  }

  return {
    async recognize<K extends OcrKind>(wx: AppClient, kind: K, request: OcrRequest, signal?: AbortSignal): Promise<OcrResult<K>> {
      const source = await image(request);
      return recognize(wx, kind, source, request.mode ?? 'photo', signal);
    },
  };
}

export type OcrService = ReturnType<typeof createOcr>;
