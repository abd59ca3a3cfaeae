import { FormData } from 'undici';
import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';
import { looseInt, looseNumber, looseString } from '../loose.ts';
import { WeChatApiError, WeChatTransportError } from '../errors.ts';
import type { MediaFile } from './messages.ts';

export const MSG_SEC_CHECK = 'wxa/msg_sec_check';
export const IMG_SEC_CHECK = 'wxa/img_sec_check';
export const MEDIA_CHECK_ASYNC = 'wxa/media_check_async';

/** 1 profile, 2 comment, 3 forum, 4 social log (msgSecCheck / mediaCheckAsync v2). */
export type CheckScene = 1 | 2 | 3 | 4;

export interface TextCheck {
  content: string;
  scene: CheckScene;
  openid: string;
  title?: string;
  nickname?: string;
  /** Only used by WeChat for scene 1 (profile). */
  signature?: string;
}

export interface CheckDetail {
  strategy: string;
  errcode: number;
  suggest?: string;
  label?: number;
  keyword?: string;
  level?: number;
  prob?: number;
}

export interface TextVerdict {
  traceId: string;
  suggest: string;
  label: number;
  details: CheckDetail[];
}

const optionalNumber = looseNumber(undefined);

// A keyword strategy with no hit carries only {strategy, errcode} (real v2 body in the fixture).
const detailBody = z.object({
  strategy: looseString(''),
  errcode: looseInt(0),
  suggest: looseString(undefined),
  label: optionalNumber,
  keyword: looseString(undefined),
  level: optionalNumber,
  prob: optionalNumber,
});

const textVerdictBody = z.object({
  trace_id: looseString(),
  result: z.object({ suggest: looseString(), label: looseInt() }),
  detail: listOf(detailBody),
});

/** wxa/msg_sec_check version 2: a verdict (pass | review | risky), not an error, for risky text. */
export async function checkText(wx: AppClient, check: TextCheck, signal?: AbortSignal): Promise<TextVerdict> {
  const body = await wx.json({
    endpoint: MSG_SEC_CHECK,
    method: 'POST',
    json: { content: check.content, version: 2, scene: check.scene, openid: check.openid, title: check.title, nickname: check.nickname, signature: check.signature },
    retry: 'read',
    signal,
  });
  const parsed = parseBody(MSG_SEC_CHECK, textVerdictBody, body);
  return {
    traceId: parsed.trace_id,
    suggest: parsed.result.suggest,
    label: parsed.result.label,
    details: parsed.detail.map(({ strategy, errcode, suggest, label, keyword, level, prob }) => ({ strategy, errcode, suggest, label, keyword, level, prob })),
  };
}

/** wxa/img_sec_check (multipart `media`): WeChat answers 87014 for a risky image, which is a verdict here. */
export async function checkImage(wx: AppClient, file: MediaFile, signal?: AbortSignal): Promise<{ risky: boolean }> {
  const form = new FormData();
  form.append('media', new Blob([file.bytes], { type: file.contentType }), file.filename);
  try {
    await wx.json({ endpoint: IMG_SEC_CHECK, method: 'POST', form, retry: 'read', signal });
    return { risky: false };
  } catch (error) {
    if (error instanceof WeChatApiError && error.errcode === 87014) return { risky: true };
    throw error;
  }
}

export interface MediaCheck {
  mediaUrl: string;
  /** 1 audio, 2 image. */
  mediaType: 1 | 2;
  scene: CheckScene;
  openid: string;
}

/**
 * wxa/media_check_async v2: returns the trace id; the verdict comes later as a
 * `wxa_media_check` push. Not repeated after it may have gone out: a repeat starts a second check.
 */
export async function checkMediaAsync(wx: AppClient, check: MediaCheck, signal?: AbortSignal): Promise<{ traceId: string }> {
  const body = await wx.json({
    endpoint: MEDIA_CHECK_ASYNC,
    method: 'POST',
    json: { media_url: check.mediaUrl, media_type: check.mediaType, version: 2, scene: check.scene, openid: check.openid },
    retry: 'unsent',
    signal,
  });
  return { traceId: parseBody(MEDIA_CHECK_ASYNC, z.object({ trace_id: looseString() }), body).trace_id };
}

export interface ImageInfo {
  format: 'png' | 'jpeg' | 'gif';
  width: number;
  height: number;
}

/** JPEG start-of-frame markers (SOF0..SOF15 without DHT, JPG and DAC), which carry the dimensions. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Format and pixel size from an image's header; undefined when it is not a PNG, JPEG or GIF. */
export function inspectImage(bytes: Uint8Array): ImageInfo | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 24 && buffer.readUInt32BE(0) === 0x89504e47 && buffer.readUInt32BE(4) === 0x0d0a1a0a && buffer.toString('latin1', 12, 16) === 'IHDR')
    return { format: 'png', width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  if (buffer.length >= 10 && /^GIF8[79]a$/.test(buffer.toString('latin1', 0, 6)))
    return { format: 'gif', width: buffer.readUInt16LE(6), height: buffer.readUInt16LE(8) };
  if (buffer.length >= 4 && buffer[0] === 0xff && buffer[1] === 0xd8) {
    let offset = 2;
    while (offset + 4 <= buffer.length) {
      if (buffer[offset] !== 0xff) return undefined;
      const marker = buffer[offset + 1]!;
      if (marker === 0xff) {
        offset += 1; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        offset += 2; // markers without a length
        continue;
      }
      if (JPEG_SOF.has(marker)) {
        if (offset + 9 > buffer.length) return undefined;
        return { format: 'jpeg', height: buffer.readUInt16BE(offset + 5), width: buffer.readUInt16BE(offset + 7) };
      }
      if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame header
      offset += 2 + buffer.readUInt16BE(offset + 2);
    }
  }
  return undefined;
}
