import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { Store } from '../store/index.ts';
import {
  fetchReport,
  isFinal,
  REPORTS,
  runsOfDays,
  splitByDay,
  type DayRange,
  type RawReport,
  type ReportName,
} from '../wechat/api/analytics.ts';
import type { AppClient } from '../wechat/client.ts';
import { WeChatTransportError } from '../wechat/errors.ts';
import type { Context } from './context.ts';

/** One report for one period: what gets cached. */
export interface ReportUnit {
  wx: AppClient;
  report: ReportName;
  range: DayRange;
}

/** Upstream calls one request runs at a time while it fans out. */
export const UPSTREAM_CONCURRENCY = 6;
/** Official Account reports take up to 7 days per call. */
const OA_DAYS_PER_CALL = 7;
/** How long a report that WeChat may still complete (yesterday, before 08:00 China time) is kept. */
const PROVISIONAL_TTL_MS = 5 * 60_000;
export const CACHE_NAMESPACE = 'analytics';

const cacheKey = ({ wx, report, range }: ReportUnit) => `${wx.app.appid}:${REPORTS[report].endpoint}:${range.begin}:${range.end}`;

interface Pending {
  unit: ReportUnit;
  key: string;
  resolve(body: RawReport): void;
  reject(error: unknown): void;
}

/**
 * Reports being fetched right now, per gateway (keyed by its store): a second request for the
 * same report joins the first instead of calling WeChat again.
 */
const flightsByStore = new WeakMap<Store, Map<string, Promise<RawReport>>>();

function flightsOf(store: Store) {
  let flights = flightsByStore.get(store);
  if (!flights) flightsByStore.set(store, (flights = new Map()));
  return flights;
}

/**
 * Rejects when the request ends (client gone, deadline passed): the caller stops waiting, while
 * a shared fetch goes on and is cached. One listener per batch, removed with `dispose`.
 */
function whenAborted(signal: AbortSignal, endpoint: string) {
  let onAbort!: () => void;
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new WeChatTransportError(endpoint, 'aborted', 'unknown'));
  });
  promise.catch(() => {});
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** Upstream calls for the units not found in the cache: one per unit, or runs of days for OA reports. */
function planCalls(missing: Pending[]): Pending[][] {
  const calls: Pending[][] = [];
  const multiDay = new Map<string, Pending[]>();
  for (const entry of missing) {
    if (REPORTS[entry.unit.report].unit !== 'upTo7Days') calls.push([entry]);
    else {
      const group = `${entry.unit.wx.app.appid}:${entry.unit.report}`;
      multiDay.set(group, [...(multiDay.get(group) ?? []), entry]);
    }
  }
  for (const entries of multiDay.values()) {
    const byDay = new Map(entries.map((entry) => [entry.unit.range.begin, entry]));
    for (const run of runsOfDays([...byDay.keys()], OA_DAYS_PER_CALL)) calls.push(run.map((day) => byDay.get(day)!));
  }
  return calls;
}

async function fetchAndCache(store: Store, call: Pending[]): Promise<void> {
  const { wx, report } = call[0]!.unit;
  const range = { begin: call[0]!.unit.range.begin, end: call.at(-1)!.unit.range.end };
  try {
    // No request signal: other requests may be waiting for this fetch.
    const body = await fetchReport(wx, report, range);
    const parts = REPORTS[report].unit === 'upTo7Days' ? splitByDay(body, call.map((entry) => entry.unit.range.begin)) : undefined;
    const space = store.namespace<RawReport>(CACHE_NAMESPACE);
    await Promise.all(
      call.map(async (entry) => {
        const part = parts?.get(entry.unit.range.begin) ?? body;
        // Past days never change: kept with no expiry. A shared store that is down only costs a refetch.
        await space.set(entry.key, part, isFinal(entry.unit.range) ? undefined : PROVISIONAL_TTL_MS).catch(() => {});
        entry.resolve(part);
      }),
    );
  } catch (error) {
    for (const entry of call) entry.reject(error);
  }
}

async function settle(store: Store, pending: Pending[]): Promise<void> {
  if (pending.length === 0) return;
  const space = store.namespace<RawReport>(CACHE_NAMESPACE);
  // One round trip (MGET on Redis); a store that is down only means fetching from WeChat.
  const cached: (RawReport | undefined)[] = await space.getMany(pending.map((entry) => entry.key)).catch(() => []);
  const missing = pending.filter((entry, i) => {
    const hit = cached[i];
    if (hit) entry.resolve(hit);
    return !hit;
  });
  const limit = pLimit(UPSTREAM_CONCURRENCY);
  await Promise.all(planCalls(missing).map((call) => limit(() => fetchAndCache(store, call))));
}

async function loadUnits(ctx: Context, units: readonly ReportUnit[]): Promise<(RawReport | Error)[]> {
  const store = ctx.services.store;
  const flights = flightsOf(store);
  const pending: Pending[] = [];
  const aborted = whenAborted(ctx.signal, REPORTS[units[0]!.report].endpoint);
  const results = units.map((unit) => {
    const key = cacheKey(unit);
    let flight = flights.get(key);
    if (!flight) {
      const created = new Promise<RawReport>((resolve, reject) => pending.push({ unit, key, resolve, reject }));
      flights.set(key, created);
      // Leaves the map once settled (and cached), so later requests read the store.
      const done = () => flights.get(key) === created && flights.delete(key);
      created.then(done, done);
      flight = created;
    }
    return Promise.race([flight, aborted.promise]).catch((error: Error) => error);
  });
  void settle(store, pending).catch((error: unknown) => pending.forEach((entry) => entry.reject(error)));
  try {
    return await Promise.all(results);
  } finally {
    aborted.dispose();
  }
}

/** Per request: every report unit a query asks for is fetched in one batch, each at most once. */
const reportLoader = createContextCache(
  (ctx: Context) => new DataLoader<ReportUnit, RawReport, string>((units) => loadUnits(ctx, units), { cacheKeyFn: cacheKey }),
);

/**
 * The raw reports of `ranges`, in order: from the store when cached, otherwise from WeChat
 * (bounded concurrency, shared with concurrent identical requests, then cached).
 */
export async function loadReports(ctx: Context, wx: AppClient, report: ReportName, ranges: DayRange[]): Promise<RawReport[]> {
  const results = await reportLoader(ctx).loadMany(ranges.map((range) => ({ wx, report, range })));
  const failure = results.find((result) => result instanceof Error);
  if (failure) throw failure;
  return results as RawReport[];
}
