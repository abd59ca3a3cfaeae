import type { AppClient } from '../client.ts';
import type { ImageResponse } from '../http.ts';

/** Which build of the mini program a code or link opens. */
export type EnvVersion = 'release' | 'trial' | 'develop';

export interface LineColor {
  r: number;
  g: number;
  b: number;
}

/** Drawing options shared by getwxacodeunlimit and getwxacode. */
export interface CodeStyle {
  width: number;
  autoColor: boolean;
  /** Used by WeChat only when autoColor is false. */
  lineColor?: LineColor;
  isHyaline: boolean;
}

export interface UnlimitedCodeRequest extends CodeStyle {
  scene: string;
  /** Absent: the mini program's home page. */
  page?: string;
  checkPath: boolean;
  envVersion: EnvVersion;
}

export interface LimitedCodeRequest extends CodeStyle {
  path: string;
  envVersion: EnvVersion;
}

export interface LegacyCodeRequest {
  path: string;
  width: number;
}

const style = (req: CodeStyle) => ({
  width: req.width,
  auto_color: req.autoColor,
  ...(req.lineColor ? { line_color: req.lineColor } : {}),
  is_hyaline: req.isHyaline,
});

/** The three QR-code endpoints; the limited two share 100 000 codes per app for ever. */
export const QRCODE_ENDPOINTS = {
  unlimited: 'wxa/getwxacodeunlimit',
  limited: 'wxa/getwxacode',
  legacy: 'cgi-bin/wxaapp/createwxaqrcode',
} as const;

/**
 * wxa/getwxacodeunlimit: no count limit, so a retried read costs nothing. Success is image
 * bytes; failure is JSON (41030 page, 40169/40129 scene, 40097 args).
 */
export function getUnlimitedCode(wx: AppClient, req: UnlimitedCodeRequest, signal?: AbortSignal): Promise<ImageResponse> {
  return wx.image({
    endpoint: QRCODE_ENDPOINTS.unlimited,
    method: 'POST',
    json: {
      scene: req.scene,
      ...(req.page ? { page: req.page } : {}),
      check_path: req.checkPath,
      env_version: req.envVersion,
      ...style(req),
    },
    retry: 'read',
    signal,
  });
}

/**
 * wxa/getwxacode: every code counts against 100 000 per app for ever (shared with
 * createwxaqrcode, 45029 once spent), so a call that may have arrived is never repeated.
 */
export function getLimitedCode(wx: AppClient, req: LimitedCodeRequest, signal?: AbortSignal): Promise<ImageResponse> {
  return wx.image({
    endpoint: QRCODE_ENDPOINTS.limited,
    method: 'POST',
    json: { path: req.path, env_version: req.envVersion, ...style(req) },
    retry: 'unsent',
    signal,
  });
}

/** cgi-bin/wxaapp/createwxaqrcode: the square legacy code; shares getwxacode's 100 000 total. */
export function createLegacyCode(wx: AppClient, req: LegacyCodeRequest, signal?: AbortSignal): Promise<ImageResponse> {
  return wx.image({
    endpoint: QRCODE_ENDPOINTS.legacy,
    method: 'POST',
    json: { path: req.path, width: req.width },
    retry: 'unsent',
    signal,
  });
}
