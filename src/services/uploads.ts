import type { MediaFile } from '../wechat/api/messages.ts';
import { inspectImage, type ImageInfo } from '../wechat/api/security.ts';
import { invalidInput } from './errors.ts';

export interface ImageLimits {
  maxBytes: number;
  maxWidth?: number;
  maxHeight?: number;
}

/** What WeChat accepts where images are uploaded. */
export const IMAGE_LIMITS = {
  /** Temporary image media (cgi-bin/media/upload): PNG, JPEG or GIF up to 10 MB. */
  media: { maxBytes: 10 * 1024 * 1024 },
  /** imgSecCheck: PNG, JPEG or GIF, at most 1 MB and 750x1334 pixels (legacy security.imgSecCheck doc). */
  contentCheck: { maxBytes: 1024 * 1024, maxWidth: 750, maxHeight: 1334 },
} satisfies Record<string, ImageLimits>;

export interface ImageUpload {
  media: MediaFile;
  info: ImageInfo;
}

/**
 * Reading uploaded files: an image is judged by its bytes (format and pixel size from its header),
 * never by the name or type the client gave it, and checked against WeChat's limits before any
 * upstream call.
 */
export function createUploads() {
  return {
    /** Reads an uploaded image; `field` names the argument in the BAD_USER_INPUT it may throw. */
    async readImage(file: File, limits: ImageLimits, field: string): Promise<ImageUpload> {
      if (file.size === 0) throw invalidInput(`${field}: the file is empty.`, field);
      if (file.size > limits.maxBytes)
        throw invalidInput(`${field}: ${file.size} bytes is over WeChat's limit of ${limits.maxBytes} bytes (${limits.maxBytes / 1024 / 1024} MB).`, field);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const info = inspectImage(bytes);
      if (!info) throw invalidInput(`${field}: not a PNG, JPEG or GIF image (judged by its content, not its name or type).`, field);
      if ((limits.maxWidth && info.width > limits.maxWidth) || (limits.maxHeight && info.height > limits.maxHeight))
        throw invalidInput(`${field}: ${info.width}x${info.height} pixels is over WeChat's limit of ${limits.maxWidth}x${limits.maxHeight}; scale it down.`, field);
      const extension = info.format === 'jpeg' ? 'jpg' : info.format;
      return { media: { bytes, filename: `upload.${extension}`, contentType: `image/${info.format}` }, info };
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
