import { createCipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { invalid, type AdminRoutes, type AdminTarget } from './admin-types.ts';
import { faultRulesSchema } from './faults.ts';
import { parseJsonObject, readBody, sendJson } from './http-io.ts';
import { messagesAdmin } from './messages-state.ts';
import { oaAdmin } from './oa-state.ts';
import { pushAdmin } from './push.ts';
import { qrcodeState } from './qrcode-state.ts';
import { securityAdmin } from './security-state.ts';
import { CODE_TTL_SECONDS } from './state.ts';

export const ADMIN_PREFIX = '__emulator/';

export type { AdminTarget } from './admin-types.ts';

const faultsBody = z.object({ rules: faultRulesSchema });
const expireBody = z.object({ appid: z.string().min(1) });
const qrcodeQuotaBody = z.object({ appid: z.string().min(1), used: z.number().int().min(0) });
const codeBody = z.object({
  appid: z.string().min(1),
  kind: z.enum(['login', 'phone']),
  user: z.string().min(1).max(128).optional(),
});

const userDataBody = z.object({
  appid: z.string().min(1),
  openid: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  /** Stamp another appid into the watermark, as data meant for another app would carry. */
  watermarkAppid: z.string().optional(),
});

const handlers: AdminRoutes = {
  ...messagesAdmin,
  ...securityAdmin,
  ...pushAdmin,
  ...oaAdmin,
  calls: { GET: (target) => [200, { calls: target.calls() }] },
  reset: {
    POST: (target) => {
      target.reset();
      return [200, { ok: true }];
    },
  },
  faults: {
    GET: (target) => [200, { rules: target.faults() }],
    PUT: (target, body) => {
      const parsed = faultsBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      target.setFaults(parsed.data.rules);
      return [200, { rules: target.faults() }];
    },
  },
  'tokens/expire': {
    POST: (target, body) => {
      const parsed = expireBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      if (!target.state.app(parsed.data.appid)) return [404, { error: 'unknown appid' }];
      return [200, { appid: parsed.data.appid, expired: target.state.expireTokens(parsed.data.appid) }];
    },
  },
  // Plays the WeChat client: legacy encryptedData (wx.getUserInfo, old getPhoneNumber) is
  // AES-128-CBC with the user's latest session_key, PKCS#7, and carries a watermark.
  'user-data': {
    POST: (target, body) => {
      const parsed = userDataBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const { appid, openid, data, watermarkAppid } = parsed.data;
      const sessionKey = target.state.sessionKey(appid, openid);
      if (!sessionKey) return [404, { error: 'no session for that user: log in first' }];
      const iv = randomBytes(16);
      const plain = JSON.stringify({ ...data, watermark: { timestamp: Math.floor(Date.now() / 1000), appid: watermarkAppid ?? appid } });
      const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
      const encryptedData = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
      return [200, { encryptedData, iv: iv.toString('base64') }];
    },
  },
  // Pretend an app has already drawn `used` limited codes (getwxacode + createwxaqrcode), to reach 45029.
  'qrcode/quota': {
    PUT: (target, body) => {
      const parsed = qrcodeQuotaBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      if (!target.state.app(parsed.data.appid)) return [404, { error: 'unknown appid' }];
      qrcodeState(target.state).setUsed(parsed.data.appid, parsed.data.used);
      return [200, parsed.data];
    },
  },
  codes: {
    POST: (target, body) => {
      const parsed = codeBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const { appid, kind, user } = parsed.data;
      const app = target.state.app(appid);
      if (!app) return [404, { error: 'unknown appid' }];
      if (app.kind !== 'miniprogram') return [400, { error: `${kind} codes exist only for mini programs` }];
      return [200, { code: target.state.mintCode(appid, kind, user), expiresIn: CODE_TTL_SECONDS }];
    },
  },
};

/** `/__emulator/*`: JSON control routes for tests and people; never counted or faulted. */
export async function handleAdmin(
  target: AdminTarget,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const byMethod = handlers[path.slice(ADMIN_PREFIX.length)];
  if (!byMethod) return sendJson(res, 404, { error: 'not found' }, 'application/json');
  const handler = byMethod[req.method as 'GET' | 'POST' | 'PUT'];
  if (!handler) return sendJson(res, 405, { error: 'method not allowed' }, 'application/json');
  let body: Record<string, unknown> = {};
  if (req.method !== 'GET') {
    const raw = await readBody(req);
    const parsed = raw.length === 0 ? {} : parseJsonObject(raw);
    if (!parsed) return sendJson(res, 400, { error: 'body must be a JSON object' }, 'application/json');
    body = parsed;
  }
  const [status, reply] = await handler(target, body);
  sendJson(res, status, reply, 'application/json');
}
