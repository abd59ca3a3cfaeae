import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import { abortable } from '../lib/abortable.ts';
import type { Store } from '../store/index.ts';
import { fetchReport, isFinal, REPORTS, runsOfDays, splitByDay, type DayRange, type RawReport, type ReportName } from '../wechat/api/analytics.ts';
import type { AppClient } from '../wechat/client.ts';
import { WeChatTransportError } from '../wechat/errors.ts';

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

/** Reads the reports of one request, each unit at most once (`load` may be called by many fields). */
export interface ReportLoader {
  load(wx: AppClient, report: ReportName, ranges: DayRange[]): Promise<RawReport[]>;
}

/**
 * Analytics reports: past days never change, so each (app, report, period) is fetched from
 * WeChat once and kept in the store (a provisional day for 5 minutes). A report being fetched
 * right now is shared with every other request asking for it (single-flight in this process).
 */
export function createAnalyticsReports({ store }: { store: Store }) {
  const space = store.namespace<RawReport>(CACHE_NAMESPACE);
  /** Reports being fetched right now: a second request for the same report joins the first. */
  const flights = new Map<string, Promise<RawReport>>();

  async function fetchAndCache(call: Pending[]): Promise<void> {
    const { wx, report } = call[0]!.unit;
    const range = { begin: call[0]!.unit.range.begin, end: call.at(-1)!.unit.range.end };
    try {
      // No request signal: other requests may be waiting for this fetch.
      const body = await fetchReport(wx, report, range);
      const parts = REPORTS[report].unit === 'upTo7Days' ? splitByDay(body, call.map((entry) => entry.unit.range.begin)) : undefined;
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

  async function settle(pending: Pending[]): Promise<void> {
    if (pending.length === 0) return;
    // One round trip (MGET on Redis); a store that is down only means fetching from WeChat.
    const cached: (RawReport | undefined)[] = await space.getMany(pending.map((entry) => entry.key)).catch(() => []);
    const missing = pending.filter((entry, i) => {
      const hit = cached[i];
      if (hit) entry.resolve(hit);
      return !hit;
    });
    const limit = pLimit(UPSTREAM_CONCURRENCY);
    await Promise.all(planCalls(missing).map((call) => limit(() => fetchAndCache(call))));
  }

  /**
   * One batch of units: joins fetches in flight, reads the rest from the store, fetches what is
   * missing. When `signal` aborts the caller stops waiting; shared fetches go on and are cached.
   */
  async function loadUnits(units: readonly ReportUnit[], signal: AbortSignal): Promise<(RawReport | Error)[]> {
    const pending: Pending[] = [];
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
      return flight.catch((error: Error) => error);
    });
    void settle(pending).catch((error: unknown) => pending.forEach((entry) => entry.reject(error)));
    const aborted = () => new WeChatTransportError(REPORTS[units[0]!.report].endpoint, 'aborted', 'unknown');
    // One abort listener for the whole batch.
    return abortable(Promise.all(results), signal, aborted).catch((error: Error) => units.map(() => error));
  }

  return {
    /**
     * A loader for one request: every report unit the request asks for is fetched in one batch
     * (bounded concurrency, Official Account days in runs of 7), each at most once.
     */
    loader(signal: AbortSignal): ReportLoader {
      const batches = new DataLoader<ReportUnit, RawReport, string>((units) => loadUnits(units, signal), { cacheKeyFn: cacheKey });
      return {
        async load(wx, report, ranges) {
          const results = await batches.loadMany(ranges.map((range) => ({ wx, report, range })));
          const failure = results.find((result) => result instanceof Error);
          if (failure) throw failure;
          return results as RawReport[];
        },
      };
    },
  };
}

export type AnalyticsReports = ReturnType<typeof createAnalyticsReports>;
