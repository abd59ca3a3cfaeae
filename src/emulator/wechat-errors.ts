import { randomBytes } from 'node:crypto';

export interface WeChatErrorBody {
  errcode: number;
  errmsg: string;
}

/** Messages as WeChat words them today; the gateway must never match on them. */
export const ERRORS = {
  systemBusy: [-1, 'system error'],
  invalidCredential: [40001, 'invalid credential, access_token is invalid or not latest'],
  invalidGrantType: [40002, 'invalid grant_type'],
  invalidOpenid: [40003, 'invalid openid'],
  invalidAppid: [40013, 'invalid appid'],
  invalidAccessToken: [40014, 'invalid access_token'],
  invalidCode: [40029, 'invalid code'],
  invalidAppsecret: [40125, 'invalid appsecret'],
  codeUsed: [40163, 'code been used'],
  accessTokenMissing: [41001, 'access_token missing'],
  appidMissing: [41002, 'appid missing'],
  appsecretMissing: [41004, 'appsecret missing'],
  codeMissing: [41008, 'missing code'],
  accessTokenExpired: [42001, 'access_token expired'],
  requirePost: [43002, 'require POST method'],
  dailyQuota: [45009, 'reach max api daily quota limit'],
  dataFormat: [47001, 'data format error'],
  apiUnauthorized: [48001, 'api unauthorized'],
  invalidSignature: [87009, 'invalid signature'],
  ridNotFound: [76001, 'rid not found'],
  ridOfAnotherApp: [76002, 'rid is error'],
  cgiPathNotFound: [76021, 'cgi_path not found, please check'],
  invalidOpenidListSize: [40032, 'invalid openid list size'],
  invalidRemark: [40092, 'invalid remark name'],
  openidOfAnotherApp: [49003, 'not same appid with appid of access_token'],
  invalidDateFormat: [61500, 'date format error'],
  invalidDateRange: [61501, 'date range error'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorName = keyof typeof ERRORS;

/** `rid: <hex unix seconds>-<8 hex>-<8 hex>`, the suffix WeChat has appended since 2020. */
export function rid(nowMs: number = Date.now()): string {
  const seconds = Math.floor(nowMs / 1000).toString(16).padStart(8, '0');
  return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

export function wechatError(name: ErrorName): WeChatErrorBody {
  const [errcode, message] = ERRORS[name];
  return { errcode, errmsg: `${message} rid: ${rid()}` };
}
