import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { chinaToday } from '../../src/wechat/api/analytics.ts';
import {
  AddOfficialAccountTemplateDocument,
  CreateShortKeyDocument,
  DeleteOfficialAccountTemplateDocument,
  OfficialAccountIndustryDocument,
  OfficialAccountTemplatesDocument,
  PublisherAdSlotStatsDocument,
  PublisherCommissionStatsDocument,
  PublisherSettlementsDocument,
  SendSubscriptionNotificationDocument,
  SetOfficialAccountIndustryDocument,
  ShortKeyDocument,
} from '../gql/graphql.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const OA = 'officialAccount';
const OA_APPID = 'wxfedcba9876543210';

const stacks: Stack[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const s of stacks.splice(0)) await s.close();
});
async function stackWith(options: Parameters<typeof startStack>[0] = {}) {
  const s = await startStack(options);
  stacks.push(s);
  return s;
}
async function admin<T = Record<string, unknown>>(s: Stack, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${s.emulator.url}/__emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('publisher/stat', () => {
  it('fetches every page, keeps past ranges, and refuses a 91-day adpos range before any call', async () => {
    const s = await stackWith();
    const end = daysBefore(chinaToday(), 1);
    const start = daysBefore(end, 89);
    const report = await s.request(PublisherAdSlotStatsDocument, { app: OA, startDate: start, endDate: end });
    expect(report.errors).toBeUndefined();
    const stats = report.data!.publisherAdSlotStats;
    // 90 days x 3 slots = 270 rows, 90 a page.
    expect(stats.rows).toHaveLength(270);
    expect(stats.totalCount).toBe(270);
    expect(stats.cached).toBe(false);
    expect(s.emulator.calls()['publisher/stat']).toBe(3);
    expect(stats.summary?.incomeFen).toBe(String(stats.rows.reduce((sum, row) => sum + Number(row.incomeFen), 0)));
    expect(stats.rows[0]).toMatchObject({ date: start, adSlot: 'SLOT_ID_WEAPP_BANNER', slotId: '3030046789020000' });
    const again = await s.request(PublisherAdSlotStatsDocument, { app: OA, startDate: start, endDate: end });
    expect(again.data?.publisherAdSlotStats.cached).toBe(true);
    expect(s.emulator.calls()['publisher/stat']).toBe(3);

    const tooLong = await s.request(PublisherAdSlotStatsDocument, { app: OA, startDate: daysBefore(start, 1), endDate: end });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
    expect(tooLong.errors?.[0]?.message).toMatch(/at most 90 days; this range has 91/);
    const cps = await s.request(PublisherCommissionStatsDocument, { app: OA, startDate: daysBefore(end, 60), endDate: end });
    expect(cps.errors?.[0]?.message).toMatch(/at most 60 days/);
    const future = await s.request(PublisherCommissionStatsDocument, { app: OA, startDate: end, endDate: daysBefore(chinaToday(), -1) });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const early = await s.request(PublisherSettlementsDocument, { app: OA, startDate: '2015-12-31', endDate: end });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(s.emulator.calls()['publisher/stat']).toBe(3);
  });

  it('an error in base_resp is a typed error, never an empty success', async () => {
    const s = await stackWith();
    await admin(s, 'PUT', 'oa/publisher', { appid: OA_APPID, publisher: false });
    const end = daysBefore(chinaToday(), 1);
    for (const document of [PublisherAdSlotStatsDocument, PublisherCommissionStatsDocument, PublisherSettlementsDocument] as const) {
      const result = await s.request(document as typeof PublisherSettlementsDocument, { app: OA, startDate: daysBefore(end, 5), endDate: end });
      expect(result.data).toBeNull();
      expect(errorCodes(result)).toEqual(['WECHAT_API_UNAUTHORIZED']);
      expect(result.errors?.[0]?.extensions).toMatchObject({ errcode: 2009, endpoint: 'publisher/stat' });
    }
  });

  it('settlements: amounts past 2^31 as exact fen strings', async () => {
    const s = await stackWith();
    const result = await s.request(PublisherSettlementsDocument, { app: OA, startDate: '2024-01-01', endDate: '2024-03-31' });
    expect(result.errors).toBeUndefined();
    const report = result.data!.publisherSettlements;
    expect(report.settlements).toHaveLength(6);
    expect(report.settlements[0]).toMatchObject({ date: '2024-01-15', month: '202401', order: 1, mailsSent: 0 });
    expect(BigInt(report.settledRevenueAllFen)).toBe(report.settlements.reduce((sum, row) => sum + BigInt(row.settledRevenueFen), 0n));
    expect(Number(report.settledRevenueAllFen)).toBeGreaterThan(2 ** 31);
  });
});

/** Stands in for WeChat: fixture bodies for the given paths, the emulator for everything else (tokens). */
async function wechatWith(emulator: Emulator, bodies: Record<string, () => string>, seen: Record<string, unknown[]> = {}): Promise<string> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://wechat.local');
    const path = url.pathname.slice(1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = bodies[path];
    if (body) {
      const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'access_token'));
      (seen[path] ??= []).push(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : query);
      res.setHeader('content-type', 'application/json').end(body());
      return;
    }
    const upstream = await fetch(`${emulator.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function throughFixtures(bodies: Record<string, () => string>, seen: Record<string, unknown[]> = {}) {
  const emulator = await startEmulator();
  cleanups.push(() => emulator.close());
  return stackWith({ emulator, env: { WECHAT_API_BASE: await wechatWith(emulator, bodies, seen) } });
}

describeFixtures('fixture bodies: templates, industry, short keys, publisher/stat', () => {
  it('get_all_private_template maps field by field, placeholders read from {{x.DATA}} and the doc\'s "{ {x.DATA} }"', async () => {
    const f = fixture('cgi-bin/template/get_all_private_template.json');
    const samples = [f.response, ...f.more_samples.map((m: any) => m.response)];
    let body = '';
    const s = await throughFixtures({ 'cgi-bin/template/get_all_private_template': () => body });
    const expected = [
      ['first', 'orderMoneySum', 'orderProductName', 'Remark'],
      ['first', 'keyword1', 'keyword2', 'keyword3', 'remark'],
      ['result', 'withdrawMoney', 'withdrawTime', 'cardInfo', 'arrivedTime', 'remark'],
    ];
    for (const [i, sample] of samples.entries()) {
      body = JSON.stringify(sample);
      const result = await s.request(OfficialAccountTemplatesDocument, { app: OA, fresh: true });
      expect(result.errors).toBeUndefined();
      const [template] = result.data!.officialAccountTemplates;
      const raw = sample.template_list[0];
      expect(template).toEqual({
        templateId: raw.template_id,
        title: raw.title,
        primaryIndustry: raw.primary_industry,
        deputyIndustry: raw.deputy_industry,
        content: raw.content,
        example: raw.example,
        placeholders: expected[i],
        shownPlaceholders: expected[i]!.filter((p) => !['first', 'remark'].includes(p.toLowerCase())),
      });
    }
  });

  it('industry, add and delete templates: the real bodies and requests', async () => {
    const industry = fixture('cgi-bin/template/get_industry.json');
    const setIndustry = fixture('cgi-bin/template/api_set_industry.json');
    const add = fixture('cgi-bin/template/api_add_template.json');
    const del = fixture('cgi-bin/template/del_private_template.json');
    let industryBody = JSON.stringify(industry.response);
    let setBody = JSON.stringify(setIndustry.response);
    let addBody = JSON.stringify(add.response);
    const seen: Record<string, unknown[]> = {};
    const s = await throughFixtures(
      {
        'cgi-bin/template/get_industry': () => industryBody,
        'cgi-bin/template/api_set_industry': () => setBody,
        'cgi-bin/template/api_add_template': () => addBody,
        'cgi-bin/template/del_private_template': () => JSON.stringify(del.response),
      },
      seen,
    );
    const got = await s.request(OfficialAccountIndustryDocument, { app: OA });
    expect(got.data?.officialAccountIndustry).toEqual({
      primary: { firstClass: industry.response.primary_industry.first_class, secondClass: industry.response.primary_industry.second_class },
      secondary: { firstClass: industry.response.secondary_industry.first_class, secondClass: industry.response.secondary_industry.second_class },
    });
    for (const sample of industry.more_samples.flatMap((m: any) => m.responses ?? [m.response])) {
      industryBody = JSON.stringify(sample);
      const r = await s.request(OfficialAccountIndustryDocument, { app: OA });
      expect(r.data?.officialAccountIndustry.secondary?.secondClass).toBe(sample.secondary_industry.second_class);
    }
    expect((await s.request(SetOfficialAccountIndustryDocument, { app: OA, primary: 1, secondary: 4 })).data?.setOfficialAccountIndustry).toBe(true);
    expect(seen['cgi-bin/template/api_set_industry']).toEqual([setIndustry.request.body]);
    setBody = JSON.stringify(setIndustry.error_response);
    const tooOften = await s.request(SetOfficialAccountIndustryDocument, { app: OA, primary: 1, secondary: 4 });
    expect(tooOften.errors?.[0]?.extensions).toMatchObject({ errcode: 43100 });

    const added = await s.request(AddOfficialAccountTemplateDocument, { app: OA, shortId: add.request.body.template_id_short });
    expect(seen['cgi-bin/template/api_add_template']).toEqual([add.request.body]);
    // The fresh list comes from the emulator, which does not hold the fixture's id: only the id is known.
    expect(added.data?.addOfficialAccountTemplate.templateId).toBe(add.response.template_id);
    addBody = JSON.stringify(add.error_response);
    const full = await s.request(AddOfficialAccountTemplateDocument, { app: OA, shortId: 'TM00015' });
    expect(errorCodes(full)).toEqual(['BAD_USER_INPUT']);
    expect(full.errors?.[0]?.extensions).toMatchObject({ errcode: 45026 });

    expect((await s.request(DeleteOfficialAccountTemplateDocument, { app: OA, templateId: del.request.body.template_id })).data?.deleteOfficialAccountTemplate).toBe(true);
    expect(seen['cgi-bin/template/del_private_template']).toEqual([del.request.body]);
  });

  it('shorten/gen and shorten/fetch: expire_seconds is what remains', async () => {
    const gen = fixture('cgi-bin/shorten/gen.json');
    const fetchFixture = fixture('cgi-bin/shorten/fetch.json');
    const seen: Record<string, unknown[]> = {};
    const s = await throughFixtures({ 'cgi-bin/shorten/gen': () => JSON.stringify(gen.response), 'cgi-bin/shorten/fetch': () => JSON.stringify(fetchFixture.response) }, seen);
    const key = await s.request(CreateShortKeyDocument, { app: OA, data: gen.request.body.long_data, expireSeconds: gen.request.body.expire_seconds });
    expect(key.data?.createShortKey).toBe(gen.response.short_key);
    expect(seen['cgi-bin/shorten/gen']).toEqual([gen.request.body]);
    const before = Date.now();
    const found = await s.request(ShortKeyDocument, { app: OA, key: fetchFixture.request.body.short_key });
    expect(seen['cgi-bin/shorten/fetch']).toEqual([fetchFixture.request.body]);
    const data = found.data!.shortKey!;
    expect(data).toMatchObject({ key: 'iTqRJFSEqk9RvPk', data: 'loooooong data', createdAt: new Date(1611047541 * 1000).toISOString() });
    expect(Date.parse(data.expiresAt) - before).toBeGreaterThanOrEqual(86_300_000 - 1000);
    expect(Date.parse(data.expiresAt) - before).toBeLessThanOrEqual(86_300_000 + 5000);
  });

  it('publisher/stat: settlement without body and list, the doc examples, and the error envelope', async () => {
    const f = fixture('publisher/stat.json');
    let body = JSON.stringify(f.response);
    const seen: Record<string, unknown[]> = {};
    const s = await throughFixtures({ 'publisher/stat': () => body }, seen);
    const empty = await s.request(PublisherSettlementsDocument, { app: OA, startDate: '2021-09-28', endDate: '2021-09-29' });
    expect(empty.errors).toBeUndefined();
    expect(empty.data?.publisherSettlements).toEqual({ company: null, penaltyAllFen: '0', revenueAllFen: '298548', settledRevenueAllFen: '279229', settlements: [], totalCount: 0 });
    expect(seen['publisher/stat']![0]).toEqual({ action: 'publisher_settlement', page: '1', page_size: '90', start_date: '2021-09-28', end_date: '2021-09-29' });

    const sample = (action: string) => f.more_samples.find((m: any) => m.request?.query?.action === action && m.response?.list)?.response ?? f.more_samples.find((m: any) => m.request?.query?.action === action && m.response?.settlement_list)?.response;
    body = JSON.stringify(sample('publisher_settlement'));
    const settled = (await s.request(PublisherSettlementsDocument, { app: OA, startDate: '2020-03-01', endDate: '2020-03-31' })).data!.publisherSettlements;
    const raw = sample('publisher_settlement');
    expect(settled).toMatchObject({ company: raw.body, revenueAllFen: '5178368698', settledRevenueAllFen: '2613696765', totalCount: 1 });
    expect(settled.settlements).toEqual([
      {
        date: '2020-03-25',
        zone: '2020年3月1日至15日',
        month: '202003',
        order: 1,
        status: 1,
        settledRevenueFen: '718926045',
        settlementNo: 'XXX',
        mailsSent: 0,
        slots: [
          { adSlot: 'SLOT_ID_WEAPP_BANNER', settledRevenueFen: '34139443' },
          { adSlot: 'SLOT_ID_WEAPP_REWARD_VIDEO', settledRevenueFen: '684786602' },
        ],
      },
    ]);

    body = JSON.stringify(sample('publisher_adpos_general'));
    const adpos = (await s.request(PublisherAdSlotStatsDocument, { app: OA, startDate: '2020-04-13', endDate: '2020-04-13' })).data!.publisherAdSlotStats;
    expect(adpos.rows).toEqual([
      { date: '2020-04-13', adSlot: 'SLOT_ID_WEAPP_INTERSTITIAL', slotId: '3030046789020061', requests: 443610, exposures: 181814, exposureRate: 0.409850995, clicks: 10095, clickRate: 0.055523777, incomeFen: '52175', ecpm: 286.969100289 },
    ]);
    expect(adpos.summary).toMatchObject({ date: null, adSlot: null, requests: 4406394, incomeFen: '578003', ecpm: 321.608591022 });

    body = JSON.stringify(sample('publisher_cps_general'));
    const cps = (await s.request(PublisherCommissionStatsDocument, { app: OA, startDate: '2020-04-01', endDate: '2020-04-07' })).data!.publisherCommissionStats;
    expect(cps.rows).toEqual([{ date: '20XX-XX-XX', exposures: 15153, clicks: 396, clickRatePercent: 38.265151515, orders: 3, orderRate: 0.007575758, totalFeeFen: '162900', totalCommissionFen: '25021' }]);
    expect(cps.summary).toMatchObject({ totalFeeFen: '924082', totalCommissionFen: '133030' });

    body = JSON.stringify({ base_resp: f.error_response });
    const failed = await s.request(PublisherSettlementsDocument, { app: OA, startDate: '2020-03-01', endDate: '2020-03-31' });
    expect(errorCodes(failed)).toEqual(['WECHAT_API_UNAUTHORIZED']);
    expect(failed.errors?.[0]?.extensions).toMatchObject({ errcode: 2009 });
  });
});

describe('short keys and subscription notifications (emulator)', () => {
  it('a key returns its data until it expires; 4 KB and 30 days are checked before the call', async () => {
    const s = await stackWith();
    const data = JSON.stringify({ campaign: 'spring', items: Array.from({ length: 50 }, (_, i) => i) });
    const key = (await s.request(CreateShortKeyDocument, { app: OA, data, expireSeconds: 3600 })).data!.createShortKey;
    expect(key).toMatch(/^[A-Za-z0-9]{15}$/);
    const found = (await s.request(ShortKeyDocument, { app: OA, key })).data!.shortKey!;
    expect(found.data).toBe(data);
    await admin(s, 'POST', 'oa/shorten/expire', {});
    expect((await s.request(ShortKeyDocument, { app: OA, key })).data?.shortKey).toBeNull();
    const calls = s.emulator.calls()['cgi-bin/shorten/gen'];
    expect(errorCodes(await s.request(CreateShortKeyDocument, { app: OA, data: 'x'.repeat(4097) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await s.request(CreateShortKeyDocument, { app: OA, data: 'x', expireSeconds: 2_592_001 }))).toEqual(['BAD_USER_INPUT']);
    expect(s.emulator.calls()['cgi-bin/shorten/gen']).toBe(calls);
  });

  it('bizsend: once per key, keywords checked first, 43101 when no subscription is left', async () => {
    const s = await stackWith();
    const templateId = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';
    const { openid } = await admin<{ openid: string }>(s, 'POST', 'messages/subscriptions', { appid: OA_APPID, user: 'reader', templateId, count: 1 });
    const data = [
      { key: 'date2', value: '2024年1月1日' },
      { key: 'thing1', value: '会议室' },
    ];
    const key = randomUUID();
    const sent = await s.request(SendSubscriptionNotificationDocument, { app: OA, toOpenid: openid, templateId, data, page: 'https://mp.weixin.qq.com/', idempotencyKey: key });
    expect(sent.errors).toBeUndefined();
    const again = await s.request(SendSubscriptionNotificationDocument, { app: OA, toOpenid: openid, templateId, data, page: 'https://mp.weixin.qq.com/', idempotencyKey: key });
    expect(again.data?.sendSubscriptionNotification.replayed).toBe(true);
    expect(s.emulator.calls()['cgi-bin/message/subscribe/bizsend']).toBe(1);
    const missing = await s.request(SendSubscriptionNotificationDocument, { app: OA, toOpenid: openid, templateId, data: [data[0]!] });
    expect(missing.errors?.[0]?.message).toMatch(/also needs thing1/);
    const used = await s.request(SendSubscriptionNotificationDocument, { app: OA, toOpenid: openid, templateId, data });
    expect(errorCodes(used)).toEqual(['WECHAT_RECIPIENT_UNAVAILABLE']);
    expect(used.errors?.[0]?.extensions?.errcode).toBe(43101);
    expect(s.emulator.calls()['cgi-bin/message/subscribe/bizsend']).toBe(2);
  });
});
