import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { datacubeFixtures } from '../helpers/datacube.ts';
import { itFixtures } from '../helpers/fixtures.ts';
import { MP, OA, RID, keys, post, stableToken, type Body } from './helpers.ts';

const DAY_MS = 86_400_000;
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const ago = (days: number) => shift(chinaToday(), -days);
const compact = (day: string) => day.replaceAll('-', '');
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const lastMonday = () => shift(chinaToday(), -((weekday(chinaToday()) + 6) % 7) - 7);

let emulator: Emulator;
let mpToken: string;
let oaToken: string;

beforeAll(async () => {
  emulator = await startEmulator();
  mpToken = (await stableToken(emulator.url, MP)).access_token as string;
  oaToken = (await stableToken(emulator.url, OA)).access_token as string;
});
afterAll(async () => {
  await emulator.close();
});

const cube = (report: string, begin: string, end: string, token = mpToken): Promise<Body> =>
  post(emulator.url, `datacube/${report}`, { begin_date: begin, end_date: end }, { access_token: token });

describe('datacube date checks', () => {
  const monday = () => lastMonday();
  it.each([
    ['a daily report over two days', () => cube('getweanalysisappiddailyvisittrend', compact(ago(3)), compact(ago(2)))],
    ['a week not starting on Monday', () => cube('getweanalysisappidweeklyvisittrend', compact(shift(monday(), 1)), compact(shift(monday(), 7)))],
    ['a week of six days', () => cube('getweanalysisappidweeklyretaininfo', compact(monday()), compact(shift(monday(), 5)))],
    ['a month not whole', () => cube('getweanalysisappidmonthlyvisittrend', '20240201', '20240228')],
    ['today', () => cube('getweanalysisappidvisitpage', compact(chinaToday()), compact(chinaToday()))],
    ['a reversed range', () => cube('getweanalysisappiddailysummarytrend', compact(ago(2)), compact(ago(3)))],
    ['a portrait over 3 days', () => cube('getweanalysisappiduserportrait', compact(ago(3)), compact(ago(1)))],
    ['an Official Account span of 8 days', () => cube('getusersummary', ago(9), ago(2), oaToken)],
  ])('answers 61501 to %s', async (_name, call) => {
    const body = await call();
    expect(body.errcode).toBe(61501);
    expect(body.errmsg).toMatch(RID);
  });

  it.each([
    ['a mini program given YYYY-MM-DD', () => cube('getweanalysisappiddailyvisittrend', ago(2), ago(2))],
    ['an Official Account given YYYYMMDD', () => cube('getusercumulate', compact(ago(3)), compact(ago(2)), oaToken)],
    ['a day that does not exist', () => cube('getweanalysisappiddailyvisittrend', '20230229', '20230229')],
    ['no dates', () => post(emulator.url, 'datacube/getweanalysisappiddailyvisittrend', {}, { access_token: mpToken })],
  ])('answers 61500 to %s', async (_name, call) => {
    expect((await call()).errcode).toBe(61500);
  });

  it('keeps mini-program reports to mini programs and user analytics to Official Accounts (48001)', async () => {
    expect((await cube('getweanalysisappiddailyvisittrend', compact(ago(2)), compact(ago(2)), oaToken)).errcode).toBe(48001);
    expect((await cube('getusersummary', ago(3), ago(2))).errcode).toBe(48001);
  });
});

describe('datacube bodies', () => {
  /** A valid request for each endpoint, covering one period that has passed. */
  const requests: Record<string, () => [string, string, string?]> = {
    getweanalysisappiddailysummarytrend: () => [compact(ago(3)), compact(ago(3))],
    getweanalysisappiddailyvisittrend: () => [compact(ago(3)), compact(ago(3))],
    getweanalysisappidweeklyvisittrend: () => [compact(lastMonday()), compact(shift(lastMonday(), 6))],
    getweanalysisappidmonthlyvisittrend: () => ['20240201', '20240229'],
    getweanalysisappiddailyretaininfo: () => [compact(ago(1)), compact(ago(1))],
    getweanalysisappidweeklyretaininfo: () => [compact(lastMonday()), compact(shift(lastMonday(), 6))],
    getweanalysisappidmonthlyretaininfo: () => ['20240201', '20240229'],
    getweanalysisappiduserportrait: () => [compact(ago(7)), compact(ago(1))],
    getweanalysisappidvisitdistribution: () => [compact(ago(3)), compact(ago(3))],
    getweanalysisappidvisitpage: () => [compact(ago(3)), compact(ago(3))],
    getusersummary: () => [ago(7), ago(1), oaToken],
    getusercumulate: () => [ago(7), ago(1), oaToken],
  };

  itFixtures.each(datacubeFixtures().map((f) => [f.endpoint.replace('datacube/', ''), f] as const))(
    '%s has the shape of the fixture',
    async (report, fixture) => {
      const [begin, end, token] = requests[report]!();
      const body = await cube(report, begin, end, token);
      const sample = fixture.bodies[0]!.body;
      // Success bodies carry no errcode, like the real ones.
      expect(body).not.toHaveProperty('errcode');
      expect(keys(body)).toEqual(keys(sample));
      if (Array.isArray(sample.list)) {
        const rowKeys = keys((sample.list as object[])[0]);
        const extra = report === 'getusercumulate' ? ['user_source'] : []; // real bodies carry it; the doc example does not
        for (const row of body.list as object[]) expect(keys(row)).toEqual([...rowKeys, ...extra].sort());
      }
      expect(await cube(report, begin, end, token)).toEqual(body);
    },
  );

  it('escapes slashes in visit-page paths on the wire, like WeChat', async () => {
    const response = await fetch(`${emulator.url}/datacube/getweanalysisappidvisitpage?access_token=${mpToken}`, {
      method: 'POST',
      body: JSON.stringify({ begin_date: compact(ago(2)), end_date: compact(ago(2)) }),
    });
    const text = await response.text();
    expect(text).toContain('"page_path":"pages\\/index\\/index"');
    expect((JSON.parse(text) as Body).list[0].page_path).toBe('pages/index/index');
  });

  it('follows a weekly rhythm and grows over the years', async () => {
    const visitors = async (day: string) => ((await cube('getweanalysisappiddailyvisittrend', compact(day), compact(day))).list as Body[])[0]!.visit_uv as number;
    const monday = lastMonday();
    const weekdays: number[] = [];
    const weekends: number[] = [];
    for (let week = 0; week < 4; week++)
      for (let d = 0; d < 7; d++) (d >= 5 ? weekends : weekdays).push(await visitors(shift(monday, d - 7 * week)));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(weekends)).toBeGreaterThan(mean(weekdays) * 1.1);
    expect(await visitors('2018-03-07')).toBeLessThan((await visitors(shift(monday, 2))) / 2);
  });

  it('reports later retention keys only once they have passed', async () => {
    const recent = await cube('getweanalysisappiddailyretaininfo', compact(ago(1)), compact(ago(1)));
    expect((recent.visit_uv as Body[]).map((p) => p.key)).toEqual([0]);
    const older = await cube('getweanalysisappiddailyretaininfo', compact(ago(40)), compact(ago(40)));
    expect((older.visit_uv as Body[]).map((p) => p.key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 14, 30]);
  });
});
