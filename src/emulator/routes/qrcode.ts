import QRCode from 'qrcode';
import { isReleasedPage, qrcodeState } from '../qrcode-state.ts';
import { RawReply, type RouteDef, type RouteReply } from '../route.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/** What the emulated codes point at; `.invalid` never resolves. Tests decode it back. */
export const EMULATOR_CODE_ORIGIN = 'https://wxacode.emulator.invalid';

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);

/** Errors as the fixtures word them (wxa/getwxacode*.json, createwxaqrcode.json). */
const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg} rid: ${rid()}` });
const invalidArgs = () => fail(40097, 'invalid args');
// Double space and "thedata" as in the doc's example body.
const invalidPath = () => fail(40159, 'invalid length for path  or thedata is not json string');
const invalidScene = () => fail(40169, 'invalid length for scene, or the data is not json string');
const badSceneChars = () => fail(40129, 'invalid scene');
const invalidPage = () => fail(41030, 'invalid page');
const scancodeTime = () => fail(85096, 'not allow include scancode_time field');
const outOfQuota = () => fail(45029, 'qrcode count out of limit');

interface Drawing {
  width: number;
  dark: string;
  light: string;
}

const hex = (n: number) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

/** width/auto_color/line_color/is_hyaline as WeChat reads them; undefined for a wrongly typed field (47001). */
function drawing(json: Record<string, unknown>, legacy = false): Drawing | undefined {
  const { width = 430, auto_color = false, line_color, is_hyaline = false } = json;
  if (typeof width !== 'number' || typeof auto_color !== 'boolean' || typeof is_hyaline !== 'boolean') return undefined;
  let dark = '#000000ff';
  if (!legacy && auto_color) dark = '#2b2b2bff';
  else if (!legacy && line_color !== undefined && line_color !== null) {
    const { r, g, b } = line_color as Record<string, unknown>;
    if (typeof line_color !== 'object' || [r, g, b].some((c) => c !== undefined && typeof c !== 'number')) return undefined;
    dark = `#${hex(Number(r ?? 0))}${hex(Number(g ?? 0))}${hex(Number(b ?? 0))}ff`;
  }
  // WeChat draws 280..1280 px and clamps what is outside.
  return { width: Math.max(280, Math.min(1280, Math.round(width))), dark, light: !legacy && is_hyaline ? '#ffffff00' : '#ffffffff' };
}

/** A real, decodable QR code PNG holding the request, so tests can read page and scene back. */
async function png(kind: string, fields: Record<string, string>, look: Drawing): Promise<RawReply> {
  const content = `${EMULATOR_CODE_ORIGIN}/${kind}?${new URLSearchParams(fields).toString()}`;
  const bytes = await QRCode.toBuffer(content, {
    type: 'png',
    width: look.width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: look.dark, light: look.light },
  });
  return new RawReply('image/png', bytes);
}

function checkPath(path: unknown): RouteReply | undefined {
  if (typeof path !== 'string' || path === '' || Buffer.byteLength(path, 'utf8') > 128) return invalidPath();
  if (/[?&]scancode_time=/.test(path)) return scancodeTime();
  return undefined;
}

/** getwxacodeunlimit, getwxacode and createwxaqrcode: an image on success, JSON on failure. */
export const qrcodeRoutes: RouteDef[] = [
  {
    path: 'wxa/getwxacodeunlimit',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, app }) {
      const { scene, page, check_path = true, env_version = 'release' } = json;
      if (typeof scene !== 'string' || scene === '' || scene.length > 32) return invalidScene();
      if (!SCENE_CHARS.test(scene)) return badSceneChars();
      if (typeof env_version !== 'string' || !ENV_VERSIONS.has(env_version) || typeof check_path !== 'boolean') return invalidArgs();
      if (page !== undefined && typeof page !== 'string') return wechatError('dataFormat');
      // A leading "/" is never a page (41030), whatever check_path says.
      if (page && (page.startsWith('/') || (check_path && !isReleasedPage(page)))) return invalidPage();
      const look = drawing(json);
      if (!look) return wechatError('dataFormat');
      return png('unlimited', { appid: app.appid, page: page || 'pages/index/index', scene, env_version }, look);
    },
  },
  {
    path: 'wxa/getwxacode',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const { path, env_version = 'release' } = json;
      const refused = checkPath(path);
      if (refused) return refused;
      if (typeof env_version !== 'string' || !ENV_VERSIONS.has(env_version)) return invalidArgs();
      const look = drawing(json);
      if (!look) return wechatError('dataFormat');
      if (!qrcodeState(state).take(app.appid)) return outOfQuota();
      return png('limited', { appid: app.appid, path: path as string, env_version }, look);
    },
  },
  {
    path: 'cgi-bin/wxaapp/createwxaqrcode',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const refused = checkPath(json.path);
      if (refused) return refused;
      const look = drawing({ width: json.width ?? 430 }, true);
      if (!look) return wechatError('dataFormat');
      if (!qrcodeState(state).take(app.appid)) return outOfQuota();
      return png('legacy', { appid: app.appid, path: json.path as string }, look);
    },
  },
];
