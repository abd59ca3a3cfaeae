import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { mulberry32 } from './faults.ts';
import type { EmulatorApp, EmulatorState } from './state.ts';

/** Generated users per Official Account (followers plus a few who unfollowed). */
export const POPULATION = 26_000;
export const FOLLOWERS_PAGE = 10_000;
/** The current doc's getblacklist page (fixture cgi-bin/tags/members/getblacklist.json). */
export const BLACKLIST_PAGE = 1_000;

const UNSUBSCRIBED_SHARE = 0.07;
const BLACKLISTED_SHARE = 0.05;
/** Follow times grow with the index, from 2015-01-01 to mid-2025: user/get lists in follow order. */
const FIRST_FOLLOW = 1_420_070_400;
const FOLLOW_STEP_SECONDS = 12_600;
const MAGIC = Buffer.from('WXOA');

type Weighted<T> = readonly (readonly [T, number])[];

// Shares are a plausible mix, not measured data.
const SCENES: Weighted<string> = [
  ['ADD_SCENE_SEARCH', 0.33],
  ['ADD_SCENE_QR_CODE', 0.2],
  ['ADD_SCENE_PROFILE_CARD', 0.1],
  ['ADD_SCENE_PROFILE_LINK', 0.08],
  ['ADD_SCENE_PROFILE_ITEM', 0.05],
  ['ADD_SCENE_WECHAT_ADVERTISEMENT', 0.05],
  ['ADD_SCENE_REPRINT', 0.04],
  ['ADD_SCENE_PAID', 0.03],
  ['ADD_SCENE_LIVESTREAM', 0.03],
  ['ADD_SCENE_CHANNELS', 0.03],
  ['ADD_SCENE_ACCOUNT_MIGRATION', 0.02],
  ['ADD_SCENE_OTHERS', 0.04],
];
const LANGUAGES: Weighted<string> = [
  ['zh_CN', 0.86],
  ['en', 0.09],
  ['zh_TW', 0.05],
];
/** 2 is WeChat's built-in "star" tag; 100+ are tags an account creates. */
const TAGS = [2, 100, 101, 102, 103, 104, 105];

/** A user/info body, keys in WeChat's order (fixture cgi-bin/user/info.json). */
export type UserRecord = Record<string, unknown> & { openid: string; subscribe: 0 | 1 };

/**
 * Users from the fixtures' doc examples and captures, so the docs' own openids work against the
 * emulator. Bodies as published, including the unionid with a leading space.
 */
const DOC_USERS: UserRecord[] = [
  {
    subscribe: 1,
    openid: 'otvxTs4dckWG7imySrJd6jSi0CWE',
    nickname: 'iWithery',
    sex: 1,
    language: 'zh_CN',
    city: '揭阳',
    province: '广东',
    country: '中国',
    headimgurl:
      'http://thirdwx.qlogo.cn/mmopen/xbIQx1GRqdvyqkMMhEaGOX802l1CyqMJNgUzKP8MeAeHFicRDSnZH7FY4XB7p8XHXIf6uJA2SCunTPicGKezDC4saKISzRj3nz/0',
    subscribe_time: 1434093047,
    unionid: 'oR5GjjgEhCMJFyzaVZdrxZ2zRRF4',
    remark: '',
    groupid: 0,
    tagid_list: [128, 2],
    subscribe_scene: 'ADD_SCENE_QR_CODE',
    qr_scene: 98765,
    qr_scene_str: '',
  },
  { subscribe: 0, openid: 'otvxTs_JZ6SEiP0imdhpi50fuSZg' },
  {
    subscribe: 1,
    openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
    nickname: 'Band',
    sex: 1,
    language: 'zh_CN',
    city: '广州',
    province: '广东',
    country: '中国',
    headimgurl:
      'http://thirdwx.qlogo.cn/mmopen/g3MonUZtNHkdmzicIlibx6iaFqAc56vxLSUfpb6n5WKSYVY0ChQKkiaJSgQ1dZuTOgvLLrhJbERQQ4eMsv84eavHiaiceqxibJxCfHe/0',
    subscribe_time: 1382694957,
    unionid: ' o6_bmasdasdsad6_2sgVt7hMZOPfL',
    remark: '',
    groupid: 0,
    tagid_list: [128, 2],
    subscribe_scene: 'ADD_SCENE_QR_CODE',
    qr_scene: 98765,
    qr_scene_str: '',
  },
  {
    subscribe: 1,
    openid: 'ov7Ue52jOWPY1PCBu2e3yOXSJrTM',
    nickname: '',
    sex: 0,
    language: 'zh_CN',
    city: '',
    province: '',
    country: '',
    headimgurl: '',
    subscribe_time: 1662371289,
    unionid: 'ofYLk5zLhhhBatURITd79GF2vI_8',
    remark: '',
    groupid: 0,
    tagid_list: [],
    subscribe_scene: 'ADD_SCENE_PROFILE_CARD',
    qr_scene: 0,
    qr_scene_str: '',
  },
];

function pick<T>(draw: number, table: Weighted<T>): T {
  let sum = 0;
  for (const [value, share] of table) {
    sum += share;
    if (draw < sum) return value;
  }
  return table[table.length - 1]![0];
}

const digest = (input: string) => createHash('sha256').update(input).digest();
const b64 = (input: string) => digest(input).toString('base64url');

/**
 * Width as WeChat seems to count remarks: 2 for a CJK (non-ASCII) character, 1 otherwise.
 * The doc says "fewer than 30 characters", yet WeChat answers 40092 past 20 ASCII characters
 * or 10 Chinese ones (developers.weixin.qq.com/community, "备注长度超20字符报错", 2023).
 */
export const remarkWidth = (remark: string) => [...remark].reduce((width, char) => width + (char.charCodeAt(0) < 0x80 ? 1 : 2), 0);
export const REMARK_MAX_WIDTH = 20;

/**
 * One Official Account's users: a deterministic population, generated on demand. Openids encode
 * their index (AES of a tagged block), so any of them can be resolved without storing them all.
 */
export class AppUsers {
  private readonly key: Buffer;
  private readonly tag: Buffer;
  private readonly prefix: string;
  private readonly seed: number;
  private readonly docIndex = new Map(DOC_USERS.map((user, i) => [user.openid, POPULATION + i]));
  private subscribedBits?: Uint8Array;
  private followerTotal?: number;
  private blacklist?: Map<string, number>;
  private blacklistOrder?: string[];
  private readonly remarks = new Map<number, string>();
  private readonly openids: string[] = [];
  private readonly indexes = new Map<string, number>();
  private readonly records: UserRecord[] = [];

  constructor(readonly appid: string) {
    const secret = digest(`emulator-users:${appid}`);
    this.key = secret.subarray(0, 16);
    this.tag = secret.subarray(16, 24);
    this.seed = secret.readUInt32BE(24);
    // Same 5-character app prefix as EmulatorState.user(): openids of one app share a prefix.
    this.prefix = `o${b64(`app:${appid}`).slice(0, 5)}`;
  }

  get size(): number {
    return POPULATION + DOC_USERS.length;
  }

  openid(index: number): string {
    if (index >= POPULATION) return DOC_USERS[index - POPULATION]!.openid;
    const known = this.openids[index];
    if (known !== undefined) return known;
    const block = Buffer.concat([MAGIC, Buffer.alloc(4), this.tag]);
    block.writeUInt32BE(index, 4);
    const cipher = createCipheriv('aes-128-ecb', this.key, null).setAutoPadding(false);
    const openid = this.prefix + Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
    this.openids[index] = openid;
    this.indexes.set(openid, index);
    return openid;
  }

  /** The index of an openid of this app, or undefined. */
  indexOf(openid: string): number | undefined {
    const known = this.docIndex.get(openid) ?? this.indexes.get(openid);
    if (known !== undefined) return known;
    if (openid.length !== 28 || !openid.startsWith(this.prefix)) return undefined;
    const tail = openid.slice(this.prefix.length);
    const bytes = Buffer.from(tail, 'base64url');
    if (bytes.length !== 16 || bytes.toString('base64url') !== tail) return undefined;
    const decipher = createDecipheriv('aes-128-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(bytes), decipher.final()]);
    if (!block.subarray(0, 4).equals(MAGIC) || !block.subarray(8).equals(this.tag)) return undefined;
    const index = block.readUInt32BE(4);
    return index < POPULATION ? index : undefined;
  }

  private random(index: number): () => number {
    return mulberry32((this.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  }

  /** The first two draws of every user: followed or not, blacklisted from the start or not. */
  private bits(): Uint8Array {
    if (!this.subscribedBits) {
      const bits = new Uint8Array(this.size);
      for (let i = 0; i < POPULATION; i++) {
        const random = this.random(i);
        const subscribed = random() >= UNSUBSCRIBED_SHARE;
        const blacklisted = random() < BLACKLISTED_SHARE;
        bits[i] = subscribed ? (blacklisted ? 3 : 1) : 0;
      }
      DOC_USERS.forEach((user, i) => (bits[POPULATION + i] = user.subscribe));
      this.subscribedBits = bits;
    }
    return this.subscribedBits;
  }

  isFollower(index: number): boolean {
    return (this.bits()[index]! & 1) === 1;
  }

  get followerCount(): number {
    this.followerTotal ??= this.bits().reduce((sum, bit) => sum + (bit & 1), 0);
    return this.followerTotal;
  }

  /** user/info body of a known user, as WeChat gives it since 2021-12-27 (blank profile). */
  record(index: number): UserRecord {
    const base = index >= POPULATION ? DOC_USERS[index - POPULATION]! : (this.records[index] ??= this.generate(index));
    const remark = this.remarks.get(index);
    return base.subscribe === 1 && remark !== undefined ? { ...base, remark } : base;
  }

  private generate(index: number): UserRecord {
    const openid = this.openid(index);
    const unionid = `o${b64(`unionid:${this.appid}:${index}`).slice(0, 27)}`;
    const random = this.random(index);
    const subscribed = random() >= UNSUBSCRIBED_SHARE;
    random(); // blacklisted at start
    // An unfollowed user: only these keys (fixture cgi-bin/user/info.json, more_samples[0]).
    if (!subscribed) return { subscribe: 0, openid, unionid, tagid_list: [] };
    const subscribeTime = FIRST_FOLLOW + Math.floor((index + random()) * FOLLOW_STEP_SECONDS);
    const language = pick(random(), LANGUAGES);
    const tags = TAGS.filter(() => random() < 0.12);
    const scene = pick(random(), SCENES);
    const qrDraw = random();
    const qrScene = scene === 'ADD_SCENE_QR_CODE' && qrDraw < 0.5 ? 1 + Math.floor(qrDraw * 200_000) : 0;
    const qrSceneStr = scene === 'ADD_SCENE_QR_CODE' && qrDraw >= 0.5 ? `campaign_${Math.floor(qrDraw * 40)}` : '';
    return {
      subscribe: 1,
      openid,
      nickname: '',
      sex: 0,
      language,
      city: '',
      province: '',
      country: '',
      headimgurl: '',
      subscribe_time: subscribeTime,
      unionid,
      remark: '',
      groupid: 0,
      tagid_list: tags,
      subscribe_scene: scene,
      qr_scene: qrScene,
      qr_scene_str: qrSceneStr,
    };
  }

  setRemark(index: number, remark: string): void {
    this.remarks.set(index, remark);
  }

  /** Up to `limit` followers after `afterIndex` (-1: from the start), in follow order. */
  followersAfter(afterIndex: number, limit: number): string[] {
    const out: string[] = [];
    for (let i = afterIndex + 1; i < this.size && out.length < limit; i++) if (this.isFollower(i)) out.push(this.openid(i));
    return out;
  }

  private blocked(): Map<string, number> {
    if (!this.blacklist) {
      this.blacklist = new Map();
      const bits = this.bits();
      for (let i = 0; i < POPULATION; i++) if (bits[i] === 3) this.blacklist.set(this.openid(i), i);
    }
    return this.blacklist;
  }

  get blacklistSize(): number {
    return this.blocked().size;
  }

  isBlocked(openid: string): boolean {
    return this.blocked().has(openid);
  }

  /** Blacklist in blocking order; undefined when `after` is given but not on the list. */
  blacklistAfter(after: string | undefined, limit: number): string[] | undefined {
    this.blacklistOrder ??= [...this.blocked().keys()];
    const start = after ? this.blacklistOrder.indexOf(after) + 1 : 0;
    if (after && start === 0) return undefined;
    return this.blacklistOrder.slice(start, start + limit);
  }

  block(openid: string, index: number): void {
    if (this.blocked().has(openid)) return;
    this.blocked().set(openid, index);
    this.blacklistOrder = undefined;
  }

  unblock(openid: string): void {
    if (this.blocked().delete(openid)) this.blacklistOrder = undefined;
  }
}

/** Users of every Official Account the emulator serves. */
export class UsersState {
  private readonly apps = new Map<string, AppUsers>();

  app(appid: string): AppUsers {
    let users = this.apps.get(appid);
    if (!users) {
      users = new AppUsers(appid);
      this.apps.set(appid, users);
    }
    return users;
  }
}

/** The follower population of one app, in the emulator's shared `users` domain. */
export const usersOf = (state: EmulatorState, app: EmulatorApp): AppUsers => state.domain('users', () => new UsersState()).app(app.appid);
