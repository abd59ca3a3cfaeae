import { detectImage, readMultipartFile } from '../multipart.ts';
import { text, type RouteDef } from '../route.ts';
import { keywordHits, originalId, pushDelivery, securityState, verdictOf } from '../security-state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

const fail = (errcode: number, message: string) => ({ errcode, errmsg: `${message} rid: ${rid()}` });

/** imgSecCheck takes at most 1 MB (legacy security.imgSecCheck doc). */
const IMAGE_CHECK_MAX_BYTES = 1024 * 1024;
/** msgSecCheck v2: content up to 2500 characters. */
const TEXT_CHECK_MAX_CHARS = 2500;
/** The marker that makes the emulator's imgSecCheck answer 87014 (put it anywhere in the file, e.g. after IEND). */
export const RISKY_IMAGE_MARKER = 'emu-risky';

const isScene = (value: unknown) => value === 1 || value === 2 || value === 3 || value === 4;

/** Content security: msgSecCheck (v1 and v2), imgSecCheck and the async media check. */
export const securityRoutes: RouteDef[] = [
  {
    path: 'wxa/msg_sec_check',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const content = typeof json.content === 'string' ? json.content : undefined;
      if (content === undefined || [...content].length > TEXT_CHECK_MAX_CHARS) return wechatError('dataFormat');
      // Version 1: a risky text is an error (87014), anything else a bare ok.
      if (json.version === undefined || json.version === 1) {
        return verdictOf([content]).suggest === 'risky' ? fail(87014, 'risky content') : { errcode: 0, errmsg: 'ok' };
      }
      if (json.version !== 2 || !isScene(json.scene)) return wechatError('dataFormat');
      const openid = text(json.openid);
      if (!openid || !state.userByOpenid(app.appid, openid)) return wechatError('invalidOpenid');
      const texts = [content, json.title, json.nickname, json.scene === 1 ? json.signature : undefined].filter((t): t is string => typeof t === 'string');
      const hits = keywordHits(texts);
      const result = verdictOf(texts);
      // A keyword strategy with no hit carries only {strategy, errcode} (real v2 body in the fixture).
      const keywordDetail = hits.length
        ? hits.map((hit) => ({ strategy: 'keyword', errcode: 0, suggest: hit.suggest, label: hit.label, level: hit.level, keyword: hit.keyword }))
        : [{ strategy: 'keyword', errcode: 0 }];
      // Key order of the real body: detail, trace_id, result.
      return {
        errcode: 0,
        errmsg: 'ok',
        detail: [...keywordDetail, { strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label, prob: 90 }],
        trace_id: rid(),
        result,
      };
    },
  },
  {
    path: 'wxa/img_sec_check',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    bodyFormat: 'raw',
    async handle({ rawBody, headers }) {
      const file = await readMultipartFile(rawBody, headers, 'media');
      if (!file) return fail(41005, 'media data missing');
      if (!detectImage(file.bytes)) return fail(40005, 'invalid file type');
      if (file.bytes.length > IMAGE_CHECK_MAX_BYTES) return fail(40006, 'invalid media size');
      return file.bytes.includes(RISKY_IMAGE_MARKER) ? fail(87014, 'risky content') : { errcode: 0, errmsg: 'ok' };
    },
  },
  {
    path: 'wxa/media_check_async',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const mediaUrl = text(json.media_url);
      if (!mediaUrl || !/^https?:\/\/\S+$/i.test(mediaUrl)) return wechatError('dataFormat');
      if (json.media_type !== 1 && json.media_type !== 2) return wechatError('dataFormat');
      if (json.version !== 2 || !isScene(json.scene)) return wechatError('dataFormat');
      const openid = text(json.openid);
      if (!openid || !state.userByOpenid(app.appid, openid)) return wechatError('invalidOpenid');
      const traceId = rid();
      const result = verdictOf([mediaUrl]);
      // Shape of fixture push/json/wxa_media_check_event.json: CamelCase envelope, snake_case payload.
      const event = {
        ToUserName: originalId(app.appid),
        FromUserName: openid,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: app.appid,
        trace_id: traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label, prob: 90 }],
        result,
      };
      securityState(state).schedulePush(pushDelivery(state), app, traceId, event);
      return { errcode: 0, errmsg: 'ok', trace_id: traceId };
    },
  },
];
