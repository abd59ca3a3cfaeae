import { afterEach, describe, expect, it } from 'vitest';
import { AppUsers, POPULATION } from '../../src/emulator/users-state.ts';
import {
  OaBlacklistDocument,
  OaBlockUsersDocument,
  OaFollowerOpenidsByFragmentDocument,
  OaFollowerOpenidsDocument,
  OaFollowerProfilesDocument,
  OaSetUserRemarkDocument,
  OaUnblockUsersDocument,
  OaUserDocument,
  OaUsersAskedTwiceDocument,
  OaUsersDocument,
  OaUsersRemarkDocument,
} from '../gql/graphql.ts';
import { fixture as wechatFixture, itFixtures } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const BATCHGET = 'cgi-bin/user/info/batchget';
const USER_GET = 'cgi-bin/user/get';
const GETBLACKLIST = 'cgi-bin/tags/members/getblacklist';
const BLOCK = 'cgi-bin/tags/members/batchblacklist';
const UNBLOCK = 'cgi-bin/tags/members/batchunblacklist';

function fixture(path: string): { response: Record<string, any>; more_samples?: { source: string; response: Record<string, any> }[] } {
  return wechatFixture(path);
}

/** Emulator calls made while `run` ran, by path. */
async function counting<T>(s: Stack, run: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
  const before = s.emulator.calls();
  const result = await run();
  const after = s.emulator.calls();
  const calls: Record<string, number> = {};
  for (const [path, n] of Object.entries(after)) if (n - (before[path] ?? 0) > 0) calls[path] = n - (before[path] ?? 0);
  return { result, calls };
}

/** The emulator's users, as the test knows them: same deterministic population. */
const population = (s: Stack) => new AppUsers(s.config.apps.find((app) => app.kind === 'officialAccount')!.appid);

async function followerOpenids(s: Stack, first: number): Promise<string[]> {
  const page = await s.request(OaFollowerOpenidsDocument, { first });
  expect(page.errors).toBeUndefined();
  return page.data!.followers.edges.map((edge) => edge.cursor);
}

describe('users(openids)', () => {
  it('fetches 1000 users with exactly 10 batchget calls and nothing else upstream', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 1000);
    expect(new Set(openids).size).toBe(1000);
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersDocument, { openids }));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ [BATCHGET]: 10 });
    const users = result.data!.users;
    expect(users.map((user) => user?.openid)).toEqual(openids);
    for (const user of users) {
      expect(user).toMatchObject({ subscribed: true, nickname: null, headImgUrl: null, sex: null });
      expect(user!.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
      expect(new Date(user!.subscribedAt!).getTime()).toBeGreaterThan(Date.UTC(2015, 0, 1) - 1);
      expect(user!.subscribeScene).toBeTypeOf('string');
    }
    // The emulator's records, field by field, for one of them.
    const users$ = population(stack);
    const record = users$.record(users$.indexOf(openids[500]!)!);
    expect(users[500]).toMatchObject({
      unionid: record.unionid,
      language: record.language,
      tagIds: record.tagid_list,
      subscribedAt: new Date((record.subscribe_time as number) * 1000).toISOString(),
      subscribeScene: String(record.subscribe_scene).replace('ADD_SCENE_', ''),
    });
  });

  it('fetches an openid asked for in several places of one query once', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 100);
    // 100 distinct keys fit one batch; without deduplication the 100 + 50 + 2 asks would need two.
    const { result, calls } = await counting(stack, () =>
      stack!.request(OaUsersAskedTwiceDocument, { openids, some: openids.slice(0, 50), one: openids[7]! }),
    );
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ [BATCHGET]: 1 });
    expect(result.data!.users).toHaveLength(100);
    expect(result.data!.again).toHaveLength(50);
    expect(result.data!.one?.unionid).toBeTruthy();
    expect(result.data!.same?.tagIds).toBeInstanceOf(Array);
  });

  itFixtures('feeds the doc examples and captures through: unsubscribed users, blank profiles, a unionid with a leading space', async () => {
    stack = await startStack();
    const batch = fixture('cgi-bin/user/info/batchget.json').response.user_info_list as Record<string, any>[];
    const info = fixture('cgi-bin/user/info.json');
    const band = info.more_samples!.find((sample) => sample.response.nickname === 'Band')!.response;
    const openids = [...batch.map((user) => user.openid as string), band.openid as string, info.response.openid as string];
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersDocument, { openids }));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ [BATCHGET]: 1, 'cgi-bin/stable_token': 1 });
    const [withery, gone, bandUser, blank] = result.data!.users;
    const sample = batch[0]!;
    expect(withery).toEqual({
      openid: sample.openid,
      subscribed: true,
      unionid: sample.unionid,
      subscribedAt: new Date(sample.subscribe_time * 1000).toISOString(),
      subscribeScene: 'QR_CODE',
      qrScene: String(sample.qr_scene),
      qrSceneStr: null,
      remark: null,
      tagIds: sample.tagid_list,
      language: 'zh_CN',
      nickname: 'iWithery',
      headImgUrl: sample.headimgurl,
      sex: 'MALE',
      country: sample.country,
      province: sample.province,
      city: sample.city,
    });
    // subscribe: 0 is a user, not an error.
    expect(gone).toEqual({
      openid: batch[1]!.openid,
      subscribed: false,
      unionid: null,
      subscribedAt: null,
      subscribeScene: null,
      qrScene: null,
      qrSceneStr: null,
      remark: null,
      tagIds: [],
      language: null,
      nickname: null,
      headImgUrl: null,
      sex: null,
      country: null,
      province: null,
      city: null,
    });
    expect(band.unionid).toMatch(/^ /);
    expect(bandUser?.unionid).toBe(band.unionid.trim());
    // Since 2021-12-27: blank nickname, avatar and location, sex 0.
    expect(blank).toMatchObject({ nickname: null, headImgUrl: null, sex: null, city: null, unionid: info.response.unionid, subscribeScene: 'PROFILE_CARD', qrScene: null });
  });

  it('answers an unfollowed user of the population as a user with subscribed: false', async () => {
    stack = await startStack();
    const users$ = population(stack);
    let index = 0;
    while (users$.isFollower(index)) index += 1;
    const openid = users$.openid(index);
    const response = await stack.request(OaUserDocument, { openid });
    expect(response.errors).toBeUndefined();
    expect(response.data!.user).toMatchObject({ openid, subscribed: false, subscribedAt: null, tagIds: [], nickname: null });
    expect(response.data!.user!.unionid).toBe(users$.record(index).unionid);
  });

  it('gives one bad openid a null and its own error; the other 99 come back', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 99);
    // Well-formed, unknown to WeChat: WeChat refuses the whole batch (40003) without naming it.
    const unknown = 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx';
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersDocument, { openids: [unknown, ...openids] }));
    expect(result.data!.users).toHaveLength(100);
    expect(result.data!.users[0]).toBeNull();
    expect(result.data!.users.slice(1).map((user) => user?.openid)).toEqual(openids);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['users', 0], extensions: { code: 'BAD_USER_INPUT', errcode: 40003 } });
    // The refused batch of 100, then halving down to the bad one: 50, 25, 13, 7, 4, 2, 1 (two calls each).
    expect(calls).toEqual({ [BATCHGET]: 15 });
  });

  it('refuses a malformed openid at its index before WeChat sees it', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 3);
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersDocument, { openids: [openids[0]!, 'not an openid!', openids[1]!] }));
    expect(result.data!.users.map((user) => user?.openid ?? null)).toEqual([openids[0], null, openids[1]]);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['users', 1], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'openids.1' }) }),
    ]);
    expect(result.errors![0]!.message).toMatch(/is not an OpenID/);
    expect(calls).toEqual({ [BATCHGET]: 1 });
  });

  it('checks list sizes, openid shape and the app kind before any upstream call', async () => {
    stack = await startStack();
    const openid = (await followerOpenids(stack, 1))[0]!;
    const cases: (() => Promise<GraphQLResponse<unknown>>)[] = [
      () => stack!.request(OaUsersDocument, { openids: [] }),
      () => stack!.request(OaUsersDocument, { openids: Array.from({ length: 1001 }, () => openid) }),
      () => stack!.request(OaUserDocument, { openid: 'short' }),
      () => stack!.request(OaUserDocument, { openid, app: 'miniprogram' }),
      () => stack!.request(OaUserDocument, { openid, app: 'nope' }),
    ];
    for (const run of cases) {
      const { result, calls } = await counting(stack, run);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(calls).toEqual({});
    }
    const tooMany = await stack.request(OaUsersDocument, { openids: Array.from({ length: 1001 }, () => openid) });
    expect(tooMany.errors![0]!.message).toMatch(/at most 1000/);
  });

  it('reads through a token WeChat refuses: one new token, each batch sent again once', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 250);
    await fetch(`${stack.emulator.url}/__emulator/tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: population(stack).appid }),
    });
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersRemarkDocument, { openids }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.users).toHaveLength(250);
    // 3 batches answered 42001, one stable_token for all of them, 3 batches again.
    expect(calls).toEqual({ [BATCHGET]: 6, 'cgi-bin/stable_token': 1 });
  });

  it('retries a batch when WeChat is busy (-1)', async () => {
    stack = await startStack({ faults: [{ endpoints: [BATCHGET], kind: 'busy', times: 1 }] });
    const openids = await followerOpenids(stack, 100);
    const { result, calls } = await counting(stack, () => stack!.request(OaUsersRemarkDocument, { openids }));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ [BATCHGET]: 2 });
  });
});

describe('followers and blacklist connections', () => {
  it.each([10_000, 7_000])('walks every follower once, page by page (first: %i)', async (first) => {
    stack = await startStack();
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    let totalCount = 0;
    const { calls } = await counting(stack, async () => {
      for (;;) {
        const page = await stack!.request(OaFollowerOpenidsDocument, { first, after });
        expect(page.errors).toBeUndefined();
        const { edges, pageInfo } = page.data!.followers;
        totalCount = page.data!.followers.totalCount;
        pages += 1;
        for (const edge of edges) {
          expect(seen.has(edge.node!.openid)).toBe(false);
          expect(edge.cursor).toBe(edge.node!.openid);
          seen.add(edge.node!.openid);
        }
        expect(pageInfo.hasPreviousPage).toBe(after !== undefined);
        expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor!;
        expect(pages).toBeLessThan(10);
      }
    });
    const users$ = population(stack);
    expect(totalCount).toBe(users$.followerCount);
    expect(totalCount).toBeGreaterThan(20_000);
    expect(seen.size).toBe(totalCount);
    expect(pages).toBe(Math.ceil(totalCount / first));
    // One user/get per page (a page of at most 10 000 is one WeChat page), one token for all of
    // them, and no profile was asked for.
    expect(calls).toEqual({ [USER_GET]: pages, 'cgi-bin/stable_token': 1 });
    // Every follower of the population, and only followers.
    const followers = Array.from({ length: users$.size }, (_, i) => i).filter((i) => users$.isFollower(i));
    expect(followers.every((i) => seen.has(users$.openid(i)))).toBe(true);
    expect(users$.size).toBeGreaterThan(POPULATION);
  });

  it('fetches profiles only when a node field beyond openid is asked for', async () => {
    stack = await startStack();
    const openidOnly = await counting(stack, () => stack!.request(OaFollowerOpenidsByFragmentDocument, { first: 250 }));
    expect(openidOnly.result.errors).toBeUndefined();
    expect(openidOnly.calls).toEqual({ [USER_GET]: 1, 'cgi-bin/stable_token': 1 });
    const withProfiles = await counting(stack, () => stack!.request(OaFollowerProfilesDocument, { first: 250 }));
    expect(withProfiles.result.errors).toBeUndefined();
    expect(withProfiles.calls).toEqual({ [USER_GET]: 1, [BATCHGET]: 3 });
    const nodes = withProfiles.result.data!.followers.edges.map((edge) => edge.node!);
    expect(nodes).toHaveLength(250);
    expect(nodes.every((node) => node.subscribed && node.subscribedAt && node.subscribeScene)).toBe(true);
    // Follow order: the list is sorted by follow time.
    const times = nodes.map((node) => Date.parse(node.subscribedAt!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('pages the blacklist across WeChat pages of 1000', async () => {
    stack = await startStack();
    await followerOpenids(stack, 1); // the access token
    const { result, calls } = await counting(stack, () => stack!.request(OaBlacklistDocument, { first: 1100 }));
    expect(result.errors).toBeUndefined();
    const { totalCount, edges, pageInfo } = result.data!.blacklist;
    expect(totalCount).toBe(population(stack).blacklistSize);
    expect(totalCount).toBeGreaterThan(1100);
    expect(edges).toHaveLength(1100);
    expect(pageInfo.hasNextPage).toBe(true);
    expect(calls).toEqual({ [GETBLACKLIST]: 2 });
    const rest = await stack.request(OaBlacklistDocument, { first: 10_000, after: pageInfo.endCursor });
    expect(rest.data!.blacklist.edges).toHaveLength(totalCount - 1100);
    expect(new Set([...edges, ...rest.data!.blacklist.edges].map((edge) => edge.cursor)).size).toBe(totalCount);
    expect(rest.data!.blacklist.pageInfo.hasNextPage).toBe(false);
  });

  it('checks page arguments before any upstream call', async () => {
    stack = await startStack();
    for (const variables of [{ first: 10_001 }, { first: -1 }, { first: 10, after: 'bad cursor' }]) {
      const { result, calls } = await counting(stack, () => stack!.request(OaFollowerOpenidsDocument, variables));
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(calls).toEqual({});
    }
  });
});

describe('blacklist and remark mutations', () => {
  async function wholeBlacklist(s: Stack): Promise<string[]> {
    const response = await s.request(OaBlacklistDocument, { first: 10_000 });
    expect(response.errors).toBeUndefined();
    return response.data!.blacklist.edges.map((edge) => edge.cursor);
  }

  it('block, then the blacklist shows them, then unblock: round trip through WeChat', async () => {
    stack = await startStack();
    const before = await wholeBlacklist(stack);
    const candidates = (await followerOpenids(stack, 200)).filter((openid) => !before.includes(openid)).slice(0, 45);
    expect(candidates).toHaveLength(45);

    const blocked = await counting(stack, () => stack!.request(OaBlockUsersDocument, { openids: [...candidates, candidates[0]!] }));
    expect(blocked.result.errors).toBeUndefined();
    expect(blocked.result.data!.blockUsers).toEqual([...candidates, candidates[0]]);
    // 45 distinct openids, 20 per call.
    expect(blocked.calls).toEqual({ [BLOCK]: 3 });

    const during = await wholeBlacklist(stack);
    expect(during).toHaveLength(before.length + 45);
    expect(during.slice(-45)).toEqual(candidates);

    const unblocked = await counting(stack, () => stack!.request(OaUnblockUsersDocument, { openids: candidates }));
    expect(unblocked.result.data!.unblockUsers).toEqual(candidates);
    expect(unblocked.calls).toEqual({ [UNBLOCK]: 3 });
    expect(await wholeBlacklist(stack)).toEqual(before);
  });

  it('blocks the others when WeChat refuses one openid of a call', async () => {
    stack = await startStack();
    const before = await wholeBlacklist(stack);
    const candidates = (await followerOpenids(stack, 100)).filter((openid) => !before.includes(openid)).slice(0, 24);
    const unknown = 'oUNKNOWNxxxxxxxxxxxxxxxxxxxx';
    const openids = [...candidates.slice(0, 3), unknown, ...candidates.slice(3)];
    const { result, calls } = await counting(stack, () => stack!.request(OaBlockUsersDocument, { openids }));
    expect(result.data!.blockUsers).toEqual([...candidates.slice(0, 3), null, ...candidates.slice(3)]);
    expect(result.errors).toEqual([expect.objectContaining({ path: ['blockUsers', 3], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', errcode: 40003 }) })]);
    // Calls of 20 and 5; the refused 20 is halved down to the bad openid (index 3): 10, 5, 2, 1.
    expect(calls).toEqual({ [BLOCK]: 1 + 1 + 2 * 4 });
    const after = await wholeBlacklist(stack);
    expect(after.slice(-24).sort()).toEqual([...candidates].sort());
  });

  it('refuses a malformed openid or an oversized list before blocking anyone', async () => {
    stack = await startStack();
    const openids = await followerOpenids(stack, 2);
    for (const list of [[openids[0]!, 'x'], [], Array.from({ length: 1001 }, () => openids[0]!)]) {
      const { result, calls } = await counting(stack, () => stack!.request(OaBlockUsersDocument, { openids: list }));
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(calls).toEqual({});
    }
  });

  it('sets and clears a remark, and reports the remark WeChat refuses', async () => {
    stack = await startStack();
    const [openid] = await followerOpenids(stack, 1);
    const set = await stack.request(OaSetUserRemarkDocument, { openid: openid!, remark: 'VIP 客户' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setUserRemark).toEqual({ openid, remark: 'VIP 客户' });
    expect((await stack.request(OaUsersRemarkDocument, { openids: [openid!] })).data!.users[0]!.remark).toBe('VIP 客户');

    const cleared = await stack.request(OaSetUserRemarkDocument, { openid: openid!, remark: '' });
    expect(cleared.data!.setUserRemark.remark).toBeNull();
    expect((await stack.request(OaUsersRemarkDocument, { openids: [openid!] })).data!.users[0]!.remark).toBeNull();

    // Within the documented 30 characters, past what WeChat accepts in practice: 40092.
    const refused = await stack.request(OaSetUserRemarkDocument, { openid: openid!, remark: 'a remark of 25 characters' });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ errcode: 40092 });

    const { result, calls } = await counting(stack, () => stack!.request(OaSetUserRemarkDocument, { openid: openid!, remark: 'x'.repeat(30) }));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/fewer than 30 characters/);
    expect(calls).toEqual({});
  });
});

describe('scopes', () => {
  it('reads need users:read; changes need users:write', async () => {
    stack = await startStack();
    const [openid] = await followerOpenids(stack, 1);
    const noScope = await stack.request(OaUserDocument, { openid: openid! }, { key: stack.keys.logs });
    expect(errorCodes(noScope)).toEqual(['FORBIDDEN']);
    const reader = await stack.request(OaUserDocument, { openid: openid! }, { key: stack.keys.usersRead });
    expect(reader.errors).toBeUndefined();
    const { result, calls } = await counting(stack, () => stack!.request(OaBlockUsersDocument, { openids: [openid!] }, { key: stack!.keys.usersRead }));
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors![0]!.message).toMatch(/users:write/);
    expect(calls).toEqual({});
    const anonymous = await stack.request(OaFollowerOpenidsDocument, { first: 1 }, { key: null });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
