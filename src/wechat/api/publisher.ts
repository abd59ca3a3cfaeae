import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { WeChatApiError } from '../errors.ts';
import { listOf, parseBody } from '../parse.ts';

export const PUBLISHER_STAT = 'publisher/stat';

export type PublisherAction = 'publisher_adpos_general' | 'publisher_cps_general' | 'publisher_settlement';

/** page_size WeChat accepts at most (publisher/stat doc). */
export const PUBLISHER_PAGE_SIZE = 90;

export interface PublisherQuery {
  page: number;
  pageSize: number;
  /** YYYY-MM-DD (China time). */
  startDate: string;
  endDate: string;
  /** adpos only: one ad slot (SLOT_ID_WEAPP_BANNER...). */
  adSlot?: string;
}

/** Money in fen as a decimal string: settlement totals pass 2^31 and must never round. */
const fen = z.union([z.string().regex(/^-?\d+$/), z.number().int(), z.bigint()]).nullish().transform((v) => (v == null ? '0' : String(v)));
const count = z.coerce.number().nullish().transform((v) => v ?? 0);
const rate = z.coerce.number().nullish().transform((v) => v ?? 0);
const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? '' : String(v)));

const adposRow = z.object({
  slot_id: text,
  ad_slot: text,
  date: text,
  req_succ_count: count,
  exposure_count: count,
  exposure_rate: rate,
  click_count: count,
  click_rate: rate,
  income: fen,
  ecpm: rate,
});
const cpsRow = z.object({
  date: text,
  exposure_count: count,
  click_count: count,
  click_rate: rate,
  order_count: count,
  order_rate: rate,
  total_fee: fen,
  total_commission: fen,
});
const settlementRow = z.object({
  date: text,
  zone: text,
  month: text,
  order: count,
  sett_status: count,
  settled_revenue: fen,
  sett_no: text,
  mail_send_cnt: count,
  slot_revenue: listOf(z.object({ slot_id: text, slot_settled_revenue: fen })),
});

const baseResp = z.object({ ret: z.coerce.number().int(), err_msg: z.coerce.string().default('') }).nullish();
const total = z.coerce.number().int().nullish().transform((v) => v ?? 0);

const BODIES = {
  publisher_adpos_general: z.object({ list: listOf(adposRow), summary: adposRow.partial().nullish(), total_num: total }),
  publisher_cps_general: z.object({ list: listOf(cpsRow), summary: cpsRow.partial().nullish(), total_num: total }),
  // Real answers OMIT body and settlement_list when total_num is 0 (fixture publisher/stat.json).
  publisher_settlement: z.object({
    body: text,
    penalty_all: fen,
    revenue_all: fen,
    settled_revenue_all: fen,
    settlement_list: listOf(settlementRow),
    total_num: total,
  }),
};

export type AdposRow = z.output<typeof adposRow>;
export type CpsRow = z.output<typeof cpsRow>;
export type SettlementRow = z.output<typeof settlementRow>;
export type PublisherPage<A extends PublisherAction> = z.output<(typeof BODIES)[A]>;

/**
 * One page of publisher/stat. Failures come in `base_resp {ret, err_msg}` (ret 2009: not a
 * publisher), not in errcode: a non-zero ret becomes a WeChatApiError, never an empty success.
 */
export async function publisherStatPage<A extends PublisherAction>(wx: AppClient, action: A, query: PublisherQuery, signal?: AbortSignal): Promise<PublisherPage<A>> {
  const body = await wx.json<Record<string, unknown>>({
    endpoint: PUBLISHER_STAT,
    method: 'GET',
    query: {
      action,
      page: query.page,
      page_size: query.pageSize,
      start_date: query.startDate,
      end_date: query.endDate,
      ...(query.adSlot ? { ad_slot: query.adSlot } : {}),
    },
    retry: 'read',
    signal,
  });
  // The error envelope is {base_resp:{ret, err_msg}} or, in one report, the bare {ret, err_msg}.
  const status = baseResp.safeParse(body.base_resp ?? ('ret' in body ? body : undefined));
  const ret = status.success ? status.data?.ret : undefined;
  if (ret === undefined && !('base_resp' in body)) throw new WeChatApiError(PUBLISHER_STAT, -1, 'no base_resp in the answer');
  if (ret !== undefined && ret !== 0) throw new WeChatApiError(PUBLISHER_STAT, ret, (status.success && status.data?.err_msg) || 'error');
  return parseBody(PUBLISHER_STAT, BODIES[action] as unknown as z.ZodType<PublisherPage<A>>, body);
}
