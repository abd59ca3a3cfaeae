import { CACHE_NAMESPACE } from '../../src/services/analytics-reports.ts';
import { latestDay } from '../../src/wechat/api/analytics.ts';
import { defineScenario, type BenchContext, type Operation } from './scenario.ts';

const DAYS = 30;
const FIELDS = 'from sessionCnt visitPv visitUv visitUvNew stayTimeUv stayTimeSession visitDepth';
const query = `query ($from: Date!, $to: Date!) { miniProgramAnalytics { dailyVisitTrend(from: $from, to: $to) { ${FIELDS} } } }`;

/** The 30 days before yesterday (China time), so that no day is still provisional. */
function window(): { from: string; to: string } {
  const latest = Date.parse(`${latestDay()}T00:00:00Z`);
  const day = (back: number) => new Date(latest - back * 86_400_000).toISOString().slice(0, 10);
  return { from: day(DAYS), to: day(1) };
}

// The first request fetches the access token; the measured ones should not.
const warmToken = (ctx: BenchContext) => ctx.request({ query: `{ miniProgramAnalytics { visitPages(date: "${window().to}") { date } } }` });

/** One cold request outside the load: its time and upstream calls, printed for the record. */
async function oneColdRequest(ctx: BenchContext, operation: Operation) {
  await ctx.clearStore(CACHE_NAMESPACE);
  const before = ctx.emulator.calls()['datacube/getweanalysisappiddailyvisittrend'] ?? 0;
  const started = performance.now();
  await ctx.request(operation);
  const ms = performance.now() - started;
  const calls = (ctx.emulator.calls()['datacube/getweanalysisappiddailyvisittrend'] ?? 0) - before;
  console.log(`analytics: one cold ${DAYS}-day request took ${ms.toFixed(0)} ms and made ${calls} upstream calls`);
  await ctx.clearStore(CACHE_NAMESPACE);
}

/**
 * A 30-day daily visit trend. Warm: every day is in the store, so no upstream call at all.
 * Cold: the cache is emptied before the run; the first wave of concurrent requests shares one
 * fan-out (30 calls, single-flight), and every later request is served from the store.
 */
export const analyticsTrend = defineScenario({
  name: 'analytics',
  description: `dailyVisitTrend over ${DAYS} days, warm: all days cached, 0 upstream calls per request`,
  query,
  variables: {},
  async setup(ctx) {
    this.variables = window();
    await warmToken(ctx);
    await ctx.request({ query, variables: this.variables });
  },
  compare: {
    name: 'analytics-cold',
    description: `the same query starting from an empty cache: ${DAYS} upstream calls in total for the whole run, however many connections`,
    query,
    variables: {},
    async setup(ctx) {
      this.variables = window();
      await warmToken(ctx);
      await oneColdRequest(ctx, { query, variables: this.variables });
    },
  },
});
