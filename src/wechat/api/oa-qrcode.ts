import { z } from 'zod';
import type { AppClient } from '../client.ts';
import type { ImageResponse } from '../http.ts';
import { parseBody } from '../parse.ts';

export const OA_QRCODE_CREATE = 'cgi-bin/qrcode/create';
export const OA_QRCODE_SHOW = 'cgi-bin/showqrcode';

/** QR_SCENE / QR_STR_SCENE are temporary; QR_LIMIT_* are permanent (100 000 per account, 45029 after). */
export type OAQRCodeAction = 'QR_SCENE' | 'QR_STR_SCENE' | 'QR_LIMIT_SCENE' | 'QR_LIMIT_STR_SCENE';

export interface OAQRCodeRequest {
  action: OAQRCodeAction;
  /** Exactly one of sceneId / sceneStr, matching the action. */
  sceneId?: number;
  sceneStr?: string;
  /** Temporary codes only: 60..2592000 s. */
  expireSeconds?: number;
}

export interface OAQRCodeTicket {
  /** Exchanged for the image at showqrcode; base64 that may hold `/`, `+`, `_`, `=`. */
  ticket: string;
  /** What the code holds (http://weixin.qq.com/q/...); absent in 2013-era bodies. */
  url: string | null;
  /** Lifetime in seconds; null for a permanent code (WeChat sends no expire_seconds at all). */
  expireSeconds: number | null;
}

const createBody = z.object({
  ticket: z.string().min(1),
  url: z.string().nullish(),
  expire_seconds: z.coerce.number().int().nullish(),
});

/**
 * cgi-bin/qrcode/create. A permanent code spends one of the account's 100 000 for ever and a
 * call that may have arrived is not repeated (`unsent`); temporary codes are free to repeat.
 */
export async function createOAQRCode(wx: AppClient, req: OAQRCodeRequest, signal?: AbortSignal): Promise<OAQRCodeTicket> {
  const permanent = req.action.startsWith('QR_LIMIT');
  const scene = req.sceneStr !== undefined ? { scene_str: req.sceneStr } : { scene_id: req.sceneId };
  const body = await wx.json({
    endpoint: OA_QRCODE_CREATE,
    method: 'POST',
    json: { ...(permanent ? {} : { expire_seconds: req.expireSeconds }), action_name: req.action, action_info: { scene } },
    retry: permanent ? 'unsent' : 'read',
    signal,
  });
  const parsed = parseBody(OA_QRCODE_CREATE, createBody, body);
  // "http: //weixin..." with a stray space exists in an old doc copy; keep the URL usable.
  const url = parsed.url ? parsed.url.replace(/^(https?:)\s+\/\//, '$1//') : null;
  return { ticket: parsed.ticket, url, expireSeconds: permanent ? null : (parsed.expire_seconds ?? req.expireSeconds ?? null) };
}

/**
 * showqrcode on WeChat's mp host (another base URL, no access_token). The ticket is
 * URL-encoded by the URL builder: tickets carry `/`, `+` and `=`, which break it raw.
 */
export function fetchOAQRCodeImage(wx: AppClient, mpBase: string, ticket: string, signal?: AbortSignal): Promise<ImageResponse> {
  return wx.image({ endpoint: OA_QRCODE_SHOW, baseUrl: mpBase, method: 'GET', auth: 'none', query: { ticket }, retry: 'read', signal });
}
