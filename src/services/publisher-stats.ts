import { differenceInCalendarDays } from 'date-fns';
import type { Store } from '../store/store.ts';
import { publisherStatPage, PUBLISHER_PAGE_SIZE, type AdposRow, type CpsRow, type PublisherAction, type PublisherPage, type SettlementRow } from '../wechat/api/publisher.ts';
import { chinaToday } from '../wechat/api/analytics.ts';
import type { AppClient } from '../wechat/client.ts';
import { invalidInput, ServiceError } from './errors.ts';

/** Longest range per action (publisher/stat doc); settlement has none. */
export const MAX_RANGE_DAYS: Record<PublisherAction, number | null> = {
  publisher_adpos_general: 90,
  publisher_cps_general: 60,
  publisher_settlement: null,
};
/** Publisher data starts on 2016-01-01 (doc). */
export const FIRST_DAY = '2016-01-01';
/** More pages than this means something is wrong (90 rows a page). */
const MAX_PAGES = 200;
/** Past days never change: kept this long. */
const PAST_TTL_MS = 30 * 86_400_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface StatRange {
  startDate: string;
  endDate: string;
  adSlot?: string;
}

export interface AdposReport {
  rows: AdposRow[];
  summary: Partial<AdposRow> | null;
  totalNum: number;
  cached: boolean;
}
export interface CpsReport {
  rows: CpsRow[];
  summary: Partial<CpsRow> | null;
  totalNum: number;
  cached: boolean;
}
export interface SettlementReport {
  body: string;
  penaltyAll: string;
  revenueAll: string;
  settledRevenueAll: string;
  rows: SettlementRow[];
  totalNum: number;
}

/**
 * publisher/stat for ads and commissions: ranges checked before any call, every page fetched
 * for the caller (90 rows a page), and reports that end before today (China time) kept, since
 * past days never change. Settlements are never cached: their status moves.
 */
export function createPublisherStats(deps: { store: Store }) {
  const cache = deps.store.namespace<{ rows: unknown[]; summary: unknown; totalNum: number }>('publisher-stat');

  function validate(action: PublisherAction, range: StatRange): void {
    for (const field of ['startDate', 'endDate'] as const) {
      const value = range[field];
      if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
        throw invalidInput(`${field}: "${value}" is not a YYYY-MM-DD date.`, field);
    }
    if (range.startDate > range.endDate) throw invalidInput('startDate: must not be after endDate.', 'startDate');
    if (range.startDate < FIRST_DAY) throw invalidInput(`startDate: publisher data starts on ${FIRST_DAY}.`, 'startDate');
    if (range.endDate > chinaToday()) throw invalidInput('endDate: must not be in the future (China time).', 'endDate');
    const max = MAX_RANGE_DAYS[action];
    const days = differenceInCalendarDays(new Date(`${range.endDate}T00:00:00Z`), new Date(`${range.startDate}T00:00:00Z`)) + 1;
    if (max !== null && days > max) throw invalidInput(`endDate: ${action} covers at most ${max} days; this range has ${days}.`, 'endDate');
  }

  async function allPages<A extends PublisherAction>(wx: AppClient, action: A, range: StatRange, signal: AbortSignal, rowsOf: (page: PublisherPage<A>) => unknown[]) {
    const pages: PublisherPage<A>[] = [];
    let rows = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await publisherStatPage(wx, action, { page, pageSize: PUBLISHER_PAGE_SIZE, startDate: range.startDate, endDate: range.endDate, adSlot: range.adSlot }, signal);
      pages.push(body);
      const got = rowsOf(body).length;
      rows += got;
      if (got < PUBLISHER_PAGE_SIZE || rows >= body.total_num) return pages;
    }
    throw new ServiceError('WECHAT_ERROR', `publisher/stat returned more than ${MAX_PAGES} pages; narrow the range.`, { endpoint: 'publisher/stat' });
  }

  async function general<A extends 'publisher_adpos_general' | 'publisher_cps_general'>(wx: AppClient, action: A, range: StatRange, signal: AbortSignal) {
    validate(action, range);
    const key = JSON.stringify([wx.app.appid, action, range.startDate, range.endDate, range.adSlot ?? null]);
    const hit = await cache.get(key).catch(() => undefined);
    if (hit) return { ...hit, cached: true };
    const pages = await allPages(wx, action, range, signal, (page) => page.list);
    const report = { rows: pages.flatMap((p) => p.list as unknown[]), summary: pages[0]?.summary ?? null, totalNum: pages[0]?.total_num ?? 0 };
    if (range.endDate < chinaToday()) await cache.set(key, report, PAST_TTL_MS).catch(() => {});
    return { ...report, cached: false };
  }

  return {
    adpos: (wx: AppClient, range: StatRange, signal: AbortSignal) => general(wx, 'publisher_adpos_general', range, signal) as Promise<AdposReport>,
    cps: (wx: AppClient, range: StatRange, signal: AbortSignal) => {
      if (range.adSlot) throw invalidInput('adSlot: only ad-slot statistics take an ad slot.', 'adSlot');
      return general(wx, 'publisher_cps_general', range, signal) as Promise<CpsReport>;
    },
    async settlement(wx: AppClient, range: StatRange, signal: AbortSignal): Promise<SettlementReport> {
      if (range.adSlot) throw invalidInput('adSlot: only ad-slot statistics take an ad slot.', 'adSlot');
      validate('publisher_settlement', range);
      const pages = await allPages(wx, 'publisher_settlement', range, signal, (page) => page.settlement_list);
      const first = pages[0]!;
      return {
        body: first.body,
        penaltyAll: first.penalty_all,
        revenueAll: first.revenue_all,
        settledRevenueAll: first.settled_revenue_all,
        rows: pages.flatMap((p) => p.settlement_list),
        totalNum: first.total_num,
      };
    },
  };
}

export type PublisherStats = ReturnType<typeof createPublisherStats>;
