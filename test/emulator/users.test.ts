import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorApp } from '../../src/emulator/server.ts';
import { AppUsers, BLACKLIST_PAGE, FOLLOWERS_PAGE } from '../../src/emulator/users-state.ts';
import { parseBatchGet, parseUserInfo } from '../../src/wechat/api/users.ts';
import { MP, OA, RID, fixture, get, keys, post, stableToken } from './helpers.ts';
import { itFixtures } from '../helpers/fixtures.ts';

/** A second Official Account, to see openids of one app refused by another (49003). */
const OA2: EmulatorApp = { appid: 'wx00000000000000aa', secret: 'second-official-account', kind: 'officialAccount' };

let emulator: Emulator;
let base: string;
let token: string;
let users: AppUsers;

beforeAll(async () => {
  emulator = await startEmulator({ apps: [MP, OA, OA2] });
  base = emulator.url;
  users = new AppUsers(OA.appid);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  token = (await stableToken(base, OA)).access_token as string;
});

const OPENID = /^o[A-Za-z0-9_-]{27}$/;
const batchget = (openids: string[], access = token) =>
  post(base, 'cgi-bin/user/info/batchget', { user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })) }, { access_token: access });

describe('population', () => {
  it('is deterministic, tens of thousands strong, with openids that decode back', () => {
    const again = new AppUsers(OA.appid);
    expect(users.followerCount).toBe(again.followerCount);
    expect(users.followerCount).toBeGreaterThan(20_000);
    for (const index of [0, 1, 777, 25_999]) {
      const openid = users.openid(index);
      expect(openid).toMatch(OPENID);
      expect(again.openid(index)).toBe(openid);
      expect(users.indexOf(openid)).toBe(index);
      expect(new AppUsers(OA2.appid).indexOf(openid)).toBeUndefined();
    }
    // A changed character decrypts to garbage, which the check bytes reject.
    const openid = users.openid(5);
    const forged = `${openid.slice(0, 12)}${openid[12] === 'A' ? 'B' : 'A'}${openid.slice(13)}`;
    expect(users.indexOf(forged)).toBeUndefined();
  });
});

describe('cgi-bin/user/info and batchget', () => {
  itFixtures('answers records with the fixture key order, subscribed or not', async () => {
    const openids = users.followersAfter(-1, 3);
    let unfollowed = 0;
    while (users.isFollower(unfollowed)) unfollowed += 1;
    const body = await batchget([...openids, users.openid(unfollowed)]);
    const sample = fixture('cgi-bin/user/info/batchget.json').response.user_info_list as Record<string, unknown>[];
    expect(keys(body)).toEqual(['user_info_list']);
    const list = body.user_info_list as Record<string, unknown>[];
    expect(Object.keys(list[0]!)).toEqual(Object.keys(sample[0]!));
    expect(list[0]!.nickname).toBe('');
    expect(list[3]).toEqual({ subscribe: 0, openid: users.openid(unfollowed), unionid: expect.stringMatching(OPENID), tagid_list: [] });
    const single = await get(base, 'cgi-bin/user/info', { access_token: token, openid: openids[0]!, lang: 'zh_CN' });
    expect(single).toEqual(list[0]);
    expect(Object.keys(single)).toEqual(Object.keys(fixture('cgi-bin/user/info.json').response));
  });

  itFixtures('knows the doc example users', async () => {
    const sample = fixture('cgi-bin/user/info/batchget.json').response;
    const body = await batchget((sample.user_info_list as { openid: string }[]).map((user) => user.openid));
    expect(body).toEqual(sample);
  });

  it('refuses the whole batch for one unknown openid (40003), another app’s (49003), more than 100 (40032)', async () => {
    const openids = users.followersAfter(-1, 100);
    expect((await batchget(openids)).user_info_list).toHaveLength(100);
    const unknown = await batchget([...openids.slice(0, 10), 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx']);
    expect(unknown).toEqual({ errcode: 40003, errmsg: expect.stringMatching(RID) });
    const foreign = await batchget([new AppUsers(OA2.appid).openid(3)]);
    expect(foreign.errcode).toBe(49003);
    expect((await batchget([...openids, openids[0]!])).errcode).toBe(40032);
    expect((await batchget([])).errcode).toBe(40032);
    expect((await post(base, 'cgi-bin/user/info/batchget', { user_list: 'x' }, { access_token: token })).errcode).toBe(47001);
  });

  it('is an Official Account API (48001 for a mini program)', async () => {
    const mpToken = (await stableToken(base, MP)).access_token as string;
    expect((await batchget(users.followersAfter(-1, 1), mpToken)).errcode).toBe(48001);
  });

  itFixtures('parses every fixture sample the gateway may meet', () => {
    const info = fixture('cgi-bin/user/info.json');
    for (const body of [info.response, ...(info.more_samples ?? []).map((sample) => sample.response)]) {
      const user = parseUserInfo(body);
      expect(user.openid).toBe((body as { openid: string }).openid);
      expect(user.unionid === undefined || !user.unionid.startsWith(' ')).toBe(true);
    }
    const batch = fixture('cgi-bin/user/info/batchget.json');
    for (const body of [batch.response, ...(batch.more_samples ?? []).map((sample) => sample.response)]) {
      const list = parseBatchGet(body);
      expect(list.map((user) => user.subscribed)).toEqual([true, false]);
      expect(list[0]!.tagIds).toBeInstanceOf(Array);
    }
  });
});

describe('cgi-bin/user/get', () => {
  itFixtures('pages 10 000 at a time; next_openid is the last openid, "" and no data key past the end', async () => {
    const sample = fixture('cgi-bin/user/get.json');
    const pages: Record<string, any>[] = [];
    let next = '';
    for (;;) {
      const page = await get(base, 'cgi-bin/user/get', { access_token: token, next_openid: next });
      pages.push(page);
      if (page.count === 0) break;
      next = page.next_openid;
    }
    const last = pages.at(-1)!;
    expect(last).toEqual({ total: users.followerCount, count: 0, next_openid: '' });
    expect(keys(last)).toEqual(keys(sample.more_samples!.find((s) => s.response?.total === 0)!.response));
    expect(Object.keys(pages[0]!)).toEqual(Object.keys(sample.response));
    expect(pages[0]!.count).toBe(FOLLOWERS_PAGE);
    const all = pages.flatMap((page) => (page.data?.openid ?? []) as string[]);
    expect(new Set(all).size).toBe(users.followerCount);
    expect(pages.at(-2)!.next_openid).toBe(all.at(-1));
    expect((await get(base, 'cgi-bin/user/get', { access_token: token, next_openid: 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx' })).errcode).toBe(40003);
  });
});

describe('blacklist', () => {
  const blacklist = (begin?: string) => post(base, 'cgi-bin/tags/members/getblacklist', begin === undefined ? {} : { begin_openid: begin }, { access_token: token });
  const change = (path: string, openids: string[]) => post(base, `cgi-bin/tags/members/${path}`, { openid_list: openids }, { access_token: token });

  itFixtures('starts with a deterministic blacklist, paged by 1000 in the doc key order', async () => {
    const first = await blacklist();
    expect(Object.keys(first)).toEqual(Object.keys(fixture('cgi-bin/tags/members/getblacklist.json').response));
    expect(first.total).toBe(users.blacklistSize);
    expect(first.count).toBe(BLACKLIST_PAGE);
    const second = await blacklist(first.next_openid);
    expect(second.count).toBe(users.blacklistSize - BLACKLIST_PAGE);
    expect(await blacklist(second.next_openid)).toEqual({ total: users.blacklistSize, count: 0, next_openid: '' });
  });

  it('blocks and unblocks up to 20 at a time; one unknown openid refuses the call', async () => {
    const candidates = users.followersAfter(-1, 200).filter((openid) => !users.isBlocked(openid)).slice(0, 21);
    expect(await change('batchblacklist', candidates.slice(0, 20))).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await change('batchblacklist', candidates)).errcode).toBe(40032);
    expect((await change('batchblacklist', [candidates[20]!, 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx'])).errcode).toBe(40003);
    const total = (await blacklist()).total as number;
    expect(total).toBe(users.blacklistSize + 20);
    expect(await change('batchunblacklist', candidates.slice(0, 20))).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await blacklist()).total).toBe(users.blacklistSize);
  });
});

describe('cgi-bin/user/info/updateremark', () => {
  it('keeps the remark; refuses one WeChat would (40092) and unknown openids (40003)', async () => {
    const [openid] = users.followersAfter(-1, 1);
    const set = (remark: string, who = openid!) => post(base, 'cgi-bin/user/info/updateremark', { openid: who, remark }, { access_token: token });
    expect(await set('十个汉字的备注名称哦')).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await batchget([openid!])).user_info_list[0].remark).toBe('十个汉字的备注名称哦');
    expect((await set('十一个汉字的备注名称哦')).errcode).toBe(40092);
    expect((await set('x'.repeat(21))).errcode).toBe(40092);
    expect((await set('ok', 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx')).errcode).toBe(40003);
  });
});
