import { createHash } from 'node:crypto';
import { detectImage, readMultipartFile } from '../multipart.ts';
import type { RouteDef, RouteReply } from '../route.ts';
import type { EmulatorApp } from '../state.ts';
import { rid } from '../wechat-errors.ts';

/**
 * cv/ocr/*: answers derived from the image itself (a hash of its bytes, or of the URL), so the
 * same picture always reads the same and GraphiQL shows real-looking data. Markers anywhere in
 * the bytes or the URL force WeChat's documented failures:
 * `emu-ocr-101001` (nothing found), `emu-ocr-101002` (quota used up), `emu-ocr-101003`
 * (no purchased package); a URL containing `emu-unreachable` or encoded twice (`%25`) is 101000,
 * as is an img_url that is not http(s). `emu-back` reads the back of an ID card.
 */

/** OCR images must be under 2 MB (doc). */
const MAX_BYTES = 2 * 1024 * 1024;
/** Free calls per app and recogniser per day for verified accounts (doc: 100). */
export const OCR_DAILY_QUOTA = 100;

class OcrState {
  /** `${appid}:${path}:${day}` → calls. */
  readonly used = new Map<string, number>();
}

const fail = (errcode: number, message: string) => ({ errcode, errmsg: `${message} rid: ${rid()}` });
// The real 101000 body carries a hint AND a rid (fixture cv/ocr/idcard.json).
const badImage = () => ({ errcode: 101000, errmsg: `invalid image url hint: [${createHash('md5').update(rid()).digest('base64url').slice(0, 11)}] rid: ${rid()}` });

function imageSize(bytes: Buffer): { w: number; h: number } {
  if (detectImage(bytes) === 'png' && bytes.length >= 24) return { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
  let offset = 2;
  while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { h: bytes.readUInt16BE(offset + 5), w: bytes.readUInt16BE(offset + 7) };
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return { w: 1280, h: 720 };
}

/** A deterministic stream of numbers from the image. */
function seeded(source: Buffer | string) {
  const digest = createHash('sha256').update(source).digest();
  let i = 0;
  return (modulo: number) => {
    const value = digest.readUInt32BE(i % 28);
    i += 4;
    return value % modulo;
  };
}

const pick = <T>(next: (n: number) => number, list: readonly T[]): T => list[next(list.length)]!;
const digits = (next: (n: number) => number, count: number) => Array.from({ length: count }, () => next(10)).join('');

/** A GB 11643 ID number with a valid check character. */
function idNumber(next: (n: number) => number): string {
  const body = `4401${digits(next, 2)}19${70 + next(30)}${String(1 + next(12)).padStart(2, '0')}${String(1 + next(28)).padStart(2, '0')}${digits(next, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, ch, index) => total + Number(ch) * weights[index]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

function quad(x: number, y: number, w: number, h: number) {
  return { pos: { left_top: { x, y }, right_top: { x: x + w, y }, right_bottom: { x: x + w, y: y + h }, left_bottom: { x, y: y + h } } };
}

const NAMES = ['张三', '李四', '王小蒙', '刘一', '陈晓', '赵敏'] as const;
const CITIES = ['广东省广州市海珠区', '北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区'] as const;
const PLATES = ['粤A', '京B', '沪C', '粤B'] as const;

type Answer = Record<string, unknown>;

const ANSWERS: Record<string, (next: (n: number) => number, size: { w: number; h: number }, back: boolean) => Answer> = {
  // Real answers name the card number `number` (the doc example says `id`).
  'cv/ocr/bankcard': (next) => ({ number: `6222${digits(next, 15)}` }),
  'cv/ocr/bizlicense': (next, size) => ({
    reg_num: `91440101${digits(next, 9)}X`,
    serial: digits(next, 12),
    legal_representative: pick(next, NAMES),
    enterprise_name: `${pick(next, ['广州', '北京', '深圳'])}${pick(next, ['星辰', '微光', '青松'])}饮食店`,
    type_of_organization: '个人经营',
    address: `${pick(next, CITIES)}XX路${1 + next(200)}号`,
    type_of_enterprise: '有限责任公司',
    business_scope: '餐饮服务。',
    registered_capital: `${1 + next(500)}万`,
    paid_in_capital: `${1 + next(100)}万`,
    valid_period: '长期',
    registered_date: `20${10 + next(14)}年${1 + next(12)}月${1 + next(28)}日`,
    cert_position: quad(Math.floor(size.w * 0.1), Math.floor(size.h * 0.1), Math.floor(size.w * 0.8), Math.floor(size.h * 0.8)),
    img_size: size,
  }),
  'cv/ocr/drivinglicense': (next) => ({
    id_num: idNumber(next),
    name: pick(next, NAMES),
    sex: pick(next, ['男', '女']),
    nationality: '中国',
    address: `${pick(next, CITIES)}XX号`,
    birth_date: `19${70 + next(30)}-0${1 + next(9)}-1${next(10)}`,
    issue_date: `20${10 + next(10)}-0${1 + next(9)}-2${next(9)}`,
    car_class: pick(next, ['C1', 'C2', 'B2', 'A1']),
    valid_from: '2018-07-06',
    valid_to: '2028-07-06',
    official_seal: 'xx市公安局公安交通管理局',
  }),
  // A real front answer carries the undocumented birth and card_property.
  'cv/ocr/idcard': (next, _size, back) =>
    back
      ? { type: 'Back', valid_date: `20${10 + next(10)}0105-20${30 + next(10)}0105` }
      : (() => {
          const id = idNumber(next);
          return {
            type: 'Front',
            name: pick(next, NAMES),
            id,
            addr: `${pick(next, CITIES)}XX路${1 + next(200)}号`,
            gender: Number(id[16]) % 2 ? '男' : '女',
            nationality: '汉',
            birth: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
            card_property: 4,
          };
        })(),
  'cv/ocr/comm': (next, size) => {
    const lines = ['腾讯', '微信团队', '小程序', '欢迎使用', '订单号', '合计'];
    const count = 1 + next(4);
    return {
      items: Array.from({ length: count }, (_, index) => ({ text: pick(next, lines), ...quad(20 + next(100), 20 + index * 40, 80 + next(200), 30) })),
      img_size: size,
    };
  },
  'cv/ocr/driving': (next, size) => {
    const plate = `${pick(next, PLATES)}${digits(next, 5)}`;
    return {
      plate_num: plate,
      vehicle_type: '小型普通客车',
      owner: `${pick(next, NAMES)}`,
      addr: `${pick(next, CITIES)}XX号`,
      use_character: '非营运',
      model: `江淮牌HFC${digits(next, 7)}`,
      vin: `LJ166${digits(next, 12)}`,
      engine_num: `J3${digits(next, 6)}`,
      register_date: '2018-07-06',
      issue_date: '2018-07-01',
      plate_num_b: plate,
      record: `441${digits(next, 9)}`,
      passengers_num: `${pick(next, [5, 7])}人`,
      total_quality: '2700kg',
      prepare_quality: '1995kg',
      overall_size: '4582x1795x1458mm',
      card_position_front: quad(10, 10, Math.floor(size.w / 2) - 20, size.h - 20),
      img_size: size,
    };
  },
  'cv/ocr/platenum': (next) => ({ number: `${pick(next, PLATES)}${digits(next, 5)}` }),
};

function day(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function ocrRoute(path: string): RouteDef {
  return {
    path,
    method: 'POST',
    auth: 'access_token',
    bodyFormat: 'raw',
    async handle({ rawBody, headers, query, state, app }): Promise<RouteReply> {
      const url = query.get('img_url');
      let source: Buffer | string;
      let size = { w: 1280, h: 720 };
      if (url !== null) {
        if (!/^https?:\/\/[^\s]+$/i.test(url) || url.includes('emu-unreachable') || /%25[0-9a-f]{2}/i.test(url)) return badImage();
        source = url;
      } else {
        const file = await readMultipartFile(rawBody, headers, 'img');
        // img_url in a JSON body (instead of the query) lands here too: 41005.
        if (!file) return fail(41005, 'media data missing');
        if (file.bytes.length > MAX_BYTES) return fail(40006, 'invalid media size');
        if (detectImage(file.bytes) === undefined) return badImage();
        source = file.bytes;
        size = imageSize(file.bytes);
      }
      const text = typeof source === 'string' ? source : source.toString('latin1');
      for (const code of [101001, 101002, 101003]) if (text.includes(`emu-ocr-${code}`)) return failOcr(code);
      if (!spend(state.domain('ocr', () => new OcrState()), app, path)) return failOcr(101002);
      const answer = ANSWERS[path]!(seeded(source), size, text.includes('emu-back'));
      // The bank-card doc example types errcode as the STRING "0".
      return { errcode: path === 'cv/ocr/bankcard' ? '0' : 0, errmsg: 'ok', ...answer };
    },
  };
}

function failOcr(code: number) {
  if (code === 101001) return fail(101001, 'certificate not found');
  if (code === 101002) return fail(101002, 'market quota not enough');
  return fail(101003, 'not enough market quota');
}

function spend(ocr: OcrState, app: EmulatorApp, path: string): boolean {
  const key = `${app.appid}:${path}:${day()}`;
  const used = ocr.used.get(key) ?? 0;
  if (used >= OCR_DAILY_QUOTA) return false;
  ocr.used.set(key, used + 1);
  return true;
}

export const ocrRoutes: RouteDef[] = Object.keys(ANSWERS).map(ocrRoute);
