import type { AdposReport, CpsReport, SettlementReport } from '../../services/publisher-stats.ts';
import type { AdposRow, CpsRow, SettlementRow } from '../../wechat/api/publisher.ts';
import { isoDay } from '../../wechat/china-time.ts';
import { builder } from '../builder.ts';

const ANALYTICS = { apiKey: 'analytics:read' } as const;
const FEN = 'in fen (1/100 yuan), a decimal string so that no amount is ever rounded';

const rangeArgs = () =>
  builder.args((t) => ({
    app: t.string({ required: false, description: 'Id of the configured WeChat app to use. Defaults to the first configured app.' }),
    startDate: t.field({ type: 'Date', description: 'First day (China time), from 2016-01-01.' }),
    endDate: t.field({ type: 'Date', description: 'Last day, not in the future.' }),
  }));

const AdSlotStatsRow = builder.objectRef<Partial<AdposRow>>('PublisherAdSlotStats').implement({
  description: 'Ad figures of one slot on one day, or their sum (publisher_adpos_general).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    date: t.string({ nullable: true, description: 'The day (YYYY-MM-DD); null in a summary.', resolve: (r) => r.date || null }),
    adSlot: t.string({ nullable: true, description: 'The slot type, e.g. SLOT_ID_WEAPP_BANNER; null in a summary.', resolve: (r) => r.ad_slot || null }),
    slotId: t.string({ nullable: true, description: 'The numeric slot id, as a string (16 digits); null in a summary.', resolve: (r) => r.slot_id || null }),
    requests: t.float({ description: 'Successful ad requests (req_succ_count).', resolve: (r) => r.req_succ_count ?? 0 }),
    exposures: t.float({ description: 'Exposures (exposure_count).', resolve: (r) => r.exposure_count ?? 0 }),
    exposureRate: t.float({ description: 'Exposures / requests, a fraction 0..1.', resolve: (r) => r.exposure_rate ?? 0 }),
    clicks: t.float({ description: 'Clicks (click_count).', resolve: (r) => r.click_count ?? 0 }),
    clickRate: t.float({ description: 'Clicks / exposures, a fraction 0..1.', resolve: (r) => r.click_rate ?? 0 }),
    incomeFen: t.string({ description: `Income, ${FEN}.`, resolve: (r) => r.income ?? '0' }),
    ecpm: t.float({ description: 'Income per thousand exposures, in fen.', resolve: (r) => r.ecpm ?? 0 }),
  }),
});

const AdSlotReport = builder.objectRef<AdposReport>('PublisherAdSlotReport').implement({
  description: 'Ad-slot statistics over a range, every page fetched (publisher/stat, publisher_adpos_general).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    rows: t.field({ type: [AdSlotStatsRow], description: 'One row per slot and day.', resolve: (r) => r.rows }),
    summary: t.field({ type: AdSlotStatsRow, nullable: true, description: 'The sums over the range.', resolve: (r) => r.summary }),
    totalCount: t.int({ description: 'Rows WeChat reported (total_num).', resolve: (r) => r.totalNum }),
    cached: t.boolean({ description: 'Whether the report came from the gateway (past days never change) rather than from WeChat now.', resolve: (r) => r.cached }),
  }),
});

builder.queryField('publisherAdSlotStats', (t) =>
  t.field({
    type: AdSlotReport,
    description:
      'Ad income per slot and day (publisher/stat, publisher_adpos_general): at most 90 days, checked before any call; every page is fetched; ranges that end before today are kept. A non-zero base_resp.ret is an error (2009: not an ad publisher → WECHAT_API_UNAUTHORIZED).',
    authScopes: ANALYTICS,
    args: { ...rangeArgs(), adSlot: t.arg.string({ required: false, description: 'Only this slot type, e.g. SLOT_ID_WEAPP_BANNER.' }) },
    resolve: (_root, args, ctx) =>
      ctx.services.publisherStats.adpos(ctx.wechat(args.app), { startDate: isoDay(args.startDate), endDate: isoDay(args.endDate), adSlot: args.adSlot ?? undefined }, ctx.signal),
  }),
);

const CommissionRow = builder.objectRef<Partial<CpsRow>>('PublisherCommissionStats').implement({
  description: 'Commission (CPS) figures of one day, or their sum (publisher_cps_general).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    date: t.string({ nullable: true, description: 'The day (YYYY-MM-DD); null in a summary.', resolve: (r) => r.date || null }),
    exposures: t.float({ description: 'Exposures.', resolve: (r) => r.exposure_count ?? 0 }),
    clicks: t.float({ description: 'Clicks.', resolve: (r) => r.click_count ?? 0 }),
    clickRatePercent: t.float({ description: 'click_rate as WeChat sends it for CPS: a percentage (0..100), unlike the ad-slot fraction.', resolve: (r) => r.click_rate ?? 0 }),
    orders: t.float({ description: 'Orders.', resolve: (r) => r.order_count ?? 0 }),
    orderRate: t.float({ description: 'Orders / clicks, a fraction.', resolve: (r) => r.order_rate ?? 0 }),
    totalFeeFen: t.string({ description: `Order amounts, ${FEN}.`, resolve: (r) => r.total_fee ?? '0' }),
    totalCommissionFen: t.string({ description: `Commission, ${FEN}.`, resolve: (r) => r.total_commission ?? '0' }),
  }),
});

const CommissionReport = builder.objectRef<CpsReport>('PublisherCommissionReport').implement({
  description: 'Commission statistics over a range, every page fetched (publisher_cps_general).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    rows: t.field({ type: [CommissionRow], description: 'One row per day.', resolve: (r) => r.rows }),
    summary: t.field({ type: CommissionRow, nullable: true, description: 'The sums over the range.', resolve: (r) => r.summary }),
    totalCount: t.int({ description: 'Rows WeChat reported (total_num).', resolve: (r) => r.totalNum }),
    cached: t.boolean({ description: 'Whether the report came from the gateway rather than from WeChat now.', resolve: (r) => r.cached }),
  }),
});

builder.queryField('publisherCommissionStats', (t) =>
  t.field({
    type: CommissionReport,
    description:
      'Commission (CPS) figures per day (publisher/stat, publisher_cps_general): at most 60 days, checked before any call; every page fetched; past ranges kept. A non-zero base_resp.ret is an error.',
    authScopes: ANALYTICS,
    args: rangeArgs(),
    resolve: (_root, args, ctx) => ctx.services.publisherStats.cps(ctx.wechat(args.app), { startDate: isoDay(args.startDate), endDate: isoDay(args.endDate) }, ctx.signal),
  }),
);

const SlotRevenue = builder.objectRef<SettlementRow['slot_revenue'][number]>('PublisherSlotRevenue').implement({
  description: 'Settled revenue of one slot type in a settlement.',
  authScopes: ANALYTICS,
  fields: (t) => ({
    adSlot: t.string({ description: 'The slot type (slot_id here is the name, e.g. SLOT_ID_WEAPP_BANNER).', resolve: (r) => r.slot_id }),
    settledRevenueFen: t.string({ description: `Settled revenue, ${FEN}.`, resolve: (r) => r.slot_settled_revenue }),
  }),
});

const Settlement = builder.objectRef<SettlementRow>('PublisherSettlement').implement({
  description: 'One settlement (publisher_settlement settlement_list).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    date: t.string({ description: 'Settlement date (YYYY-MM-DD).', resolve: (r) => r.date }),
    zone: t.string({ description: 'The period it settles, as WeChat words it (e.g. 2020年3月1日至15日).', resolve: (r) => r.zone }),
    month: t.string({ description: 'The month (YYYYMM).', resolve: (r) => r.month }),
    order: t.int({ description: 'Which settlement of the month (1 or 2).', resolve: (r) => r.order }),
    status: t.int({ description: 'sett_status as WeChat sends it (1 = settled).', resolve: (r) => r.sett_status }),
    settledRevenueFen: t.string({ description: `Settled revenue, ${FEN}.`, resolve: (r) => r.settled_revenue }),
    settlementNo: t.string({ description: 'sett_no: the settlement number.', resolve: (r) => r.sett_no }),
    mailsSent: t.int({ description: 'mail_send_cnt (a string on the wire).', resolve: (r) => r.mail_send_cnt }),
    slots: t.field({ type: [SlotRevenue], description: 'Revenue per slot type.', resolve: (r) => r.slot_revenue }),
  }),
});

const SettlementReportRef = builder.objectRef<SettlementReport>('PublisherSettlementReport').implement({
  description: 'Settlements over a range, every page fetched (publisher_settlement).',
  authScopes: ANALYTICS,
  fields: (t) => ({
    company: t.string({ nullable: true, description: 'body: the company paid; null when WeChat leaves it out (no settlement in the range).', resolve: (r) => r.body || null }),
    penaltyAllFen: t.string({ description: `Penalties, ${FEN}.`, resolve: (r) => r.penaltyAll }),
    revenueAllFen: t.string({ description: `All revenue, ${FEN}.`, resolve: (r) => r.revenueAll }),
    settledRevenueAllFen: t.string({ description: `Settled revenue, ${FEN}.`, resolve: (r) => r.settledRevenueAll }),
    settlements: t.field({ type: [Settlement], description: 'The settlements (empty when WeChat omits settlement_list).', resolve: (r) => r.rows }),
    totalCount: t.int({ description: 'Settlements WeChat reported (total_num).', resolve: (r) => r.totalNum }),
  }),
});

builder.queryField('publisherSettlements', (t) =>
  t.field({
    type: SettlementReportRef,
    description:
      'Ad revenue settlements (publisher/stat, publisher_settlement), every page fetched; never cached (a settlement status moves). A non-zero base_resp.ret is an error.',
    authScopes: ANALYTICS,
    args: rangeArgs(),
    resolve: (_root, args, ctx) => ctx.services.publisherStats.settlement(ctx.wechat(args.app), { startDate: isoDay(args.startDate), endDate: isoDay(args.endDate) }, ctx.signal),
  }),
);
