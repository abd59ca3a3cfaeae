import { analyticsTrend } from './analytics.ts';
import { appsNoUpstream } from './apps.ts';
import { messagesIdempotentRepeat } from './messages.ts';
import { oaQRCodeRepeat, templateSend } from './official-account.ts';
import type { Scenario } from './scenario.ts';
import { qrcodeRepeat } from './qrcode.ts';
import { securityCheckText } from './security.ts';
import { serverIps } from './server-ips.ts';
import { usersBatched } from './users.ts';

export type { BenchContext, Operation, Scenario, Variant } from './scenario.ts';

/** Every scenario `bench/run.ts` knows, in the order `--scenario all` runs them. Add new ones here. */
export const scenarios: Scenario[] = [appsNoUpstream, serverIps, qrcodeRepeat, usersBatched, analyticsTrend, messagesIdempotentRepeat, securityCheckText, oaQRCodeRepeat, templateSend];
