import { setMaxListeners } from 'node:events';
import { createContextCache } from '@pothos/core';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import pLimit from 'p-limit';
import { z } from 'zod';
import {
  blockUsers,
  getUsers,
  listBlacklist,
  listFollowers,
  OPENID_PAGE_LIMIT,
  unblockUsers,
  updateUserRemark,
  USER_BATCH_LIMIT,
  type OpenidPage,
  type WeChatUserInfo,
} from '../../wechat/api/users.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { appArg, openidSchema } from './refs.ts';

/** Most openids one `users` query or one block/unblock may name. */
export const MAX_OPENIDS_PER_FIELD = 1_000;
const DEFAULT_PAGE = 100;
/** batchget calls one request keeps in flight at once. */
const CONCURRENT_BATCHES = 10;
/**
 * Each call in flight listens to the request's abort signal (retry backoff, timeout, token wait);
 * a request that fans out to many calls is not a leak.
 */
const fanOut = (ctx: Context) => setMaxListeners(100, ctx.signal);

/** The rule's message when `value` is no OpenID, else undefined. */
const openidProblem = (value: string) => openidSchema.safeParse(value).error?.issues[0]?.message;
const openidListSchema = z
  .array(z.string())
  .min(1, 'give at least one openid')
  .max(MAX_OPENIDS_PER_FIELD, `at most ${MAX_OPENIDS_PER_FIELD} openids per field`);
const pageSizeSchema = z.number().int().min(0, 'must be 0 or more').max(OPENID_PAGE_LIMIT, `at most ${OPENID_PAGE_LIMIT}`);
/** The doc's rule: fewer than 30 characters. */
const remarkSchema = z.string().refine((remark) => [...remark].length < 30, 'must be fewer than 30 characters');

/** A user known only by openid (a page of followers); the profile is fetched if a field needs it. */
interface UserStub {
  stub: true;
  app: string;
  openid: string;
}
type UserParent = WeChatUserInfo | UserStub;

// App ids and openids never contain ':' (both are checked), so the key splits back cleanly.
const userKey = (app: string, openid: string) => `${app}:${openid}`;

/** batchget calls in flight for one request, across all the batches the loader sends. */
const batchSlots = createContextCache(() => pLimit(CONCURRENT_BATCHES));

/** One loader batch (at most 100 keys, deduplicated): one batchget call per app in it. */
async function loadProfiles(keys: readonly string[], ctx: Context): Promise<(WeChatUserInfo | Error)[]> {
  fanOut(ctx);
  const byApp = new Map<string, string[]>();
  for (const key of keys) {
    const [app, openid] = key.split(':') as [string, string];
    byApp.set(app, [...(byApp.get(app) ?? []), openid]);
  }
  const outcomes = new Map<string, WeChatUserInfo | Error>();
  await Promise.all(
    [...byApp].map(async ([app, openids]) => {
      const results = await batchSlots(ctx)(() => getUsers(ctx.wechat(app, 'officialAccount'), openids, ctx.signal));
      for (const [openid, outcome] of results) outcomes.set(userKey(app, openid), outcome);
    }),
  );
  return keys.map((key) => outcomes.get(key) ?? new Error(`no outcome for ${key}`));
}

/** A field read from the profile, loaded when the parent is a stub. */
function fromProfile<T>(pick: (user: WeChatUserInfo) => T) {
  return (user: UserParent, _args: object, ctx: Context): T | Promise<T> =>
    // The loader only ever holds profiles: stubs are made by the connection, never loaded.
    'stub' in user ? OfficialAccountUser.getDataloader(ctx).load(userKey(user.app, user.openid)).then((loaded) => pick(loaded as WeChatUserInfo)) : pick(user);
}

/** The fields a selection set asks for, through fragments. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, seen);
  });
}

/** Whether the connection's `edges { node { ... } }` asks for anything an openid alone cannot answer. */
function nodesAskBeyondOpenid(info: GraphQLResolveInfo): boolean {
  const under = (fields: FieldNode[], name: string) => fields.filter((field) => field.name.value === name).flatMap((field) => fieldsOf(field.selectionSet, info));
  const nodeFields = under(under(info.fieldNodes.flatMap((node) => fieldsOf(node.selectionSet, info)), 'edges'), 'node');
  return nodeFields.some((field) => field.name.value !== 'openid' && field.name.value !== '__typename');
}

const UserSex = builder.enumType('OfficialAccountUserSex', {
  description: 'Sex as the user set it in WeChat.',
  values: {
    MALE: { value: 'male', description: 'Male.' },
    FEMALE: { value: 'female', description: 'Female.' },
  } as const,
});

const SCENES = {
  SEARCH: ['ADD_SCENE_SEARCH', 'Searched for the account.'],
  ACCOUNT_MIGRATION: ['ADD_SCENE_ACCOUNT_MIGRATION', 'Moved over when the account was migrated.'],
  PROFILE_CARD: ['ADD_SCENE_PROFILE_CARD', "From a shared card of the account's profile."],
  QR_CODE: ['ADD_SCENE_QR_CODE', 'Scanned a QR code (see qrScene / qrSceneStr).'],
  PROFILE_LINK: ['ADD_SCENE_PROFILE_LINK', "Tapped the account's name in an article."],
  PROFILE_ITEM: ['ADD_SCENE_PROFILE_ITEM', "From the menu at the top right of an article."],
  PAID: ['ADD_SCENE_PAID', 'Followed after paying.'],
  WECHAT_ADVERTISEMENT: ['ADD_SCENE_WECHAT_ADVERTISEMENT', 'From a WeChat advertisement.'],
  REPRINT: ['ADD_SCENE_REPRINT', 'From an article another account reposted.'],
  LIVESTREAM: ['ADD_SCENE_LIVESTREAM', 'From a Channels live stream.'],
  CHANNELS: ['ADD_SCENE_CHANNELS', 'From WeChat Channels.'],
  OTHERS: ['ADD_SCENE_OTHERS', 'Any other way, including scenes WeChat added after this gateway was written.'],
} as const;
type Scene = (typeof SCENES)[keyof typeof SCENES][0];
const KNOWN_SCENES = new Set<string>(Object.values(SCENES).map(([value]) => value));
/** WeChat adds scenes now and then; an unknown one reads as OTHERS rather than failing the field. */
const asScene = (value: string): Scene => (KNOWN_SCENES.has(value) ? (value as Scene) : SCENES.OTHERS[0]);

const SubscribeScene = builder.enumType('OfficialAccountSubscribeScene', {
  description: 'How a user came to follow the Official Account (`subscribe_scene`).',
  values: Object.fromEntries(
    Object.entries(SCENES).map(([name, [value, description]]) => [name, { value, description }]),
  ) as { [K in keyof typeof SCENES]: { value: (typeof SCENES)[K][0]; description: string } },
});

/**
 * Per request: every profile asked for in one tick goes out together, deduplicated, at most 100
 * per batchget call and 10 calls in flight. A field of this type resolves to a key (`app:openid`)
 * to load, or to a profile or stub it already has.
 */
const OfficialAccountUser = builder.loadableObjectRef<UserParent, string>('OfficialAccountUser', {
  loaderOptions: { maxBatchSize: USER_BATCH_LIMIT },
  load: (keys, ctx: Context) => loadProfiles(keys, ctx),
});

OfficialAccountUser.implement({
  description:
    "A user of an Official Account, from `cgi-bin/user/info/batchget`. Since 2021-12-27 WeChat no longer gives nickname, avatar, sex or location: those fields are null for almost everyone. A user who unfollowed still has a record, with `subscribed: false` and little else.",
  authScopes: { apiKey: 'users:read' },
  fields: (t) => ({
    openid: t.string({ description: "The user's OpenID in this Official Account.", resolve: (user) => user.openid }),
    subscribed: t.boolean({
      description: 'Whether the user follows the account now (`subscribe`).',
      resolve: fromProfile((user) => user.subscribed),
    }),
    unionid: t.string({
      nullable: true,
      description: 'UnionID across the apps of one WeChat Open Platform account; null when the account is not bound to one.',
      resolve: fromProfile((user) => user.unionid ?? null),
    }),
    subscribedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the user followed (the latest time, if they followed more than once); null for users who unfollowed.',
      resolve: fromProfile((user) => (user.subscribeTime ? new Date(user.subscribeTime * 1000) : null)),
    }),
    subscribeScene: t.field({
      type: SubscribeScene,
      nullable: true,
      description: 'How the user came to follow; null for users who unfollowed.',
      resolve: fromProfile((user) => (user.subscribeScene === undefined ? null : asScene(user.subscribeScene))),
    }),
    qrScene: t.string({
      nullable: true,
      description: 'Numeric scene of the QR code the user followed through (text: temporary codes use 32-bit values); null when none.',
      resolve: fromProfile((user) => user.qrScene ?? null),
    }),
    qrSceneStr: t.string({
      nullable: true,
      description: 'String scene of the QR code the user followed through; null when none.',
      resolve: fromProfile((user) => user.qrSceneStr ?? null),
    }),
    remark: t.string({
      nullable: true,
      description: 'The remark the account gave this user (setUserRemark); null when none.',
      resolve: fromProfile((user) => user.remark ?? null),
    }),
    tagIds: t.intList({
      description: "Ids of the account's tags on this user (2 is WeChat's built-in star tag).",
      resolve: fromProfile((user) => user.tagIds),
    }),
    language: t.string({
      nullable: true,
      description: "The user's WeChat language, e.g. zh_CN, zh_TW, en.",
      resolve: fromProfile((user) => user.language ?? null),
    }),
    nickname: t.string({
      nullable: true,
      description: 'Nickname; WeChat sends it blank since 2021-12-27, which gives null.',
      resolve: fromProfile((user) => user.nickname ?? null),
    }),
    headImgUrl: t.string({
      nullable: true,
      description: 'Avatar URL; WeChat sends it blank since 2021-12-27, which gives null.',
      resolve: fromProfile((user) => user.headImgUrl ?? null),
    }),
    sex: t.field({
      type: UserSex,
      nullable: true,
      description: 'Sex; WeChat sends 0 (unknown) since 2021-12-27, which gives null.',
      resolve: fromProfile((user) => user.sex ?? null),
    }),
    country: t.string({ nullable: true, description: 'Country; blank (null) since 2021-12-27.', resolve: fromProfile((user) => user.country ?? null) }),
    province: t.string({ nullable: true, description: 'Province; blank (null) since 2021-12-27.', resolve: fromProfile((user) => user.province ?? null) }),
    city: t.string({ nullable: true, description: 'City; blank (null) since 2021-12-27.', resolve: fromProfile((user) => user.city ?? null) }),
  }),
});

// WeChat pages only forward: the fields take `first` and `after`, never `last` or `before`.
const UserConnection = builder.connectionObject(
  {
    type: OfficialAccountUser,
    name: 'OfficialAccountUserConnection',
    description: 'A page of users of an Official Account (Relay connection; forward only). The cursor of each user is their openid.',
    authScopes: { apiKey: 'users:read' },
    nodeNullable: true,
    edgesField: { description: 'The users of this page, in list order.' },
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'How many users the whole list holds now, as WeChat counts them (`total`).' }),
    }),
  },
  {
    description: "One user of the page and their cursor (the user's openid; pass it as `after` to continue after this user).",
    authScopes: { apiKey: 'users:read' },
    nodeField: {
      description:
        'The user. Selecting only `openid` costs nothing more; any other field fetches the profiles of the page through batchget (100 per call). Null, with an error, when that fails for this user.',
    },
  },
);

/** A page of openids as a connection; each node is loaded only when the query asks beyond its openid. */
function toConnection(app: string, page: OpenidPage, after: string | null | undefined, info: GraphQLResolveInfo) {
  const load = nodesAskBeyondOpenid(info);
  const edges = page.openids.map((openid) => ({ cursor: openid, node: load ? userKey(app, openid) : { stub: true as const, app, openid } }));
  return {
    totalCount: page.total,
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: !!after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const pageArgs = () =>
  builder.args((t) => ({
    first: t.int({
      required: false,
      defaultValue: DEFAULT_PAGE,
      description: `At most this many users (0 to ${OPENID_PAGE_LIMIT}).`,
      validate: { schema: pageSizeSchema },
    }),
    after: t.string({
      required: false,
      description: 'Start after the user with this cursor (the `endCursor` of the previous page).',
      validate: { schema: openidSchema },
    }),
  }));

/** graphql-js turns an Error in a list into a null at that index plus an error with its path. */
const failedItem = <T>(error: Error) => error as unknown as T;

builder.queryFields((t) => ({
  user: t.field({
    type: OfficialAccountUser,
    nullable: true,
    description: 'One user of an Official Account by openid (batched with every other user asked for in the request).',
    authScopes: { apiKey: 'users:read' },
    args: { ...appArg(), openid: t.arg.string({ description: "The user's OpenID.", validate: { schema: openidSchema } }) },
    resolve: (_root, args, ctx) => userKey(ctx.wechat(args.app, 'officialAccount').app.id, args.openid),
  }),
  users: t.field({
    type: [OfficialAccountUser],
    nullable: { list: false, items: true },
    description: `Users of an Official Account by openid, in the order given (at most ${MAX_OPENIDS_PER_FIELD}). Duplicates are fetched once, 100 per batchget call. An openid that is malformed or that WeChat refuses gives null at its index and an error with that path; the others still come back.`,
    authScopes: { apiKey: 'users:read' },
    args: {
      ...appArg(),
      openids: t.arg.stringList({ description: 'OpenIDs of the users.', validate: { schema: openidListSchema } }),
    },
    resolve: (_root, args, ctx) => {
      const app = ctx.wechat(args.app, 'officialAccount').app.id;
      return args.openids.map((openid, i) =>
        openidProblem(openid) === undefined
          ? userKey(app, openid)
          : failedItem<string>(badInput(`openids[${i}]: "${openid.slice(0, 64)}" ${openidProblem(openid)}`, `openids.${i}`)),
      );
    },
  }),
  followers: t.field({
    type: UserConnection,
    description:
      'Followers of an Official Account, in the order they followed (`cgi-bin/user/get`, 10 000 openids per call). Walk with `first` and `after: pageInfo.endCursor`; `hasNextPage` may be true before an empty last page.',
    authScopes: { apiKey: 'users:read' },
    args: { ...appArg(), ...pageArgs() },
    resolve: async (_root, args, ctx, info) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      return toConnection(wx.app.id, await listFollowers(wx, args.first ?? DEFAULT_PAGE, args.after ?? undefined, ctx.signal), args.after, info);
    },
  }),
  blacklist: t.field({
    type: UserConnection,
    description:
      'Users the Official Account has blocked, in the order they were blocked (`cgi-bin/tags/members/getblacklist`). Walk with `first` and `after: pageInfo.endCursor`.',
    authScopes: { apiKey: 'users:read' },
    args: { ...appArg(), ...pageArgs() },
    resolve: async (_root, args, ctx, info) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      return toConnection(wx.app.id, await listBlacklist(wx, args.first ?? DEFAULT_PAGE, args.after ?? undefined, ctx.signal), args.after, info);
    },
  }),
}));

const SetUserRemarkResult = builder.simpleObject('SetUserRemarkResult', {
  description: 'The remark WeChat now holds for a user.',
  authScopes: { apiKey: 'users:write' },
  fields: (t) => ({
    openid: t.string({ description: "The user's OpenID." }),
    remark: t.string({ nullable: true, description: 'The new remark; null when it was cleared.' }),
  }),
});

const blacklistArgs = () =>
  builder.args((t) => ({
    openids: t.stringList({
      description: `OpenIDs of the users (at most ${MAX_OPENIDS_PER_FIELD}; sent 20 per WeChat call).`,
      validate: { schema: z.array(openidSchema).min(1, 'give at least one openid').max(MAX_OPENIDS_PER_FIELD, `at most ${MAX_OPENIDS_PER_FIELD} openids`) },
    }),
  }));

type BlacklistChange = typeof blockUsers;

async function changeBlacklist(change: BlacklistChange, ctx: Context, app: string | null | undefined, openids: string[]): Promise<(string | null)[]> {
  fanOut(ctx);
  const outcomes = await change(ctx.wechat(app, 'officialAccount'), [...new Set(openids)], ctx.signal);
  return openids.map((openid) => {
    const outcome = outcomes.get(openid);
    return outcome === true ? openid : failedItem<string>(outcome ?? new Error(`no outcome for ${openid}`));
  });
}

builder.mutationFields((t) => ({
  blockUsers: t.field({
    type: ['String'],
    nullable: { list: false, items: true },
    description:
      'Puts users on the Official Account blacklist (`batchblacklist`). Every openid is checked before anything is sent. Gives each openid back at its index once it is blocked, or null with an error at that index when WeChat refused it.',
    authScopes: { apiKey: 'users:write' },
    args: { ...appArg(), ...blacklistArgs() },
    resolve: (_root, args, ctx) => changeBlacklist(blockUsers, ctx, args.app, args.openids),
  }),
  unblockUsers: t.field({
    type: ['String'],
    nullable: { list: false, items: true },
    description:
      'Takes users off the Official Account blacklist (`batchunblacklist`). Every openid is checked before anything is sent. Gives each openid back at its index once it is unblocked, or null with an error at that index when WeChat refused it.',
    authScopes: { apiKey: 'users:write' },
    args: { ...appArg(), ...blacklistArgs() },
    resolve: (_root, args, ctx) => changeBlacklist(unblockUsers, ctx, args.app, args.openids),
  }),
  setUserRemark: t.field({
    type: SetUserRemarkResult,
    description: 'Sets the remark the Official Account shows for a user (`updateremark`); an empty remark clears it.',
    authScopes: { apiKey: 'users:write' },
    args: {
      ...appArg(),
      openid: t.arg.string({ description: "The user's OpenID.", validate: { schema: openidSchema } }),
      remark: t.arg.string({ description: 'The remark, fewer than 30 characters (WeChat may refuse more than 20 in practice).', validate: { schema: remarkSchema } }),
    },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      await updateUserRemark(wx, args.openid, args.remark, ctx.signal);
      // A later read in this request must not see the profile cached before the change.
      OfficialAccountUser.getDataloader(ctx).clear(userKey(wx.app.id, args.openid));
      return { openid: args.openid, remark: args.remark || null };
    },
  }),
}));
