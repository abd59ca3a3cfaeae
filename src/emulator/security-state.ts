import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AdminReply, AdminRoutes, AdminTarget } from './admin-types.ts';
import type { EmulatorApp, EmulatorState } from './state.ts';

export type Suggest = 'pass' | 'review' | 'risky';

export interface Verdict {
  suggest: Suggest;
  label: number;
}

/** A keyword the emulator's msgSecCheck knows, with the verdict a hit gives. */
interface KeywordRule extends Verdict {
  keyword: string;
  level: number;
}

/**
 * The emulator's content rules. The first two are WeChat's own test strings (fixture
 * wxa/msg_sec_check.json `test_inputs`); the others are the emulator's. Any text may also
 * ask for a verdict outright with `emu-<pass|review|risky>-<label>`, e.g. `emu-review-29999`.
 */
export const KEYWORD_RULES: KeywordRule[] = [
  { keyword: '特3456书yuuo莞6543李zxcz蒜7782法fgnv级', suggest: 'risky', label: 20001, level: 90 },
  { keyword: '完2347全dfji试3726测asad感3847知qwez到', suggest: 'risky', label: 20001, level: 90 },
  { keyword: '代开发票', suggest: 'risky', label: 20008, level: 90 },
  { keyword: '赌博', suggest: 'risky', label: 20006, level: 80 },
  { keyword: '加微信', suggest: 'review', label: 10001, level: 60 },
  { keyword: '傻瓜', suggest: 'review', label: 20003, level: 50 },
];

const EXPLICIT = /emu-(pass|review|risky)-(\d{1,6})/g;
const RANK: Record<Suggest, number> = { pass: 0, review: 1, risky: 2 };

export interface KeywordHit extends Verdict {
  keyword: string;
  level: number;
}

/** Every rule the texts hit, strongest verdict first. */
export function keywordHits(texts: string[]): KeywordHit[] {
  const joined = texts.join('\n');
  const hits: KeywordHit[] = KEYWORD_RULES.filter((rule) => joined.includes(rule.keyword));
  for (const match of joined.matchAll(EXPLICIT))
    hits.push({ keyword: match[0], suggest: match[1] as Suggest, label: Number(match[2]), level: match[1] === 'pass' ? 0 : 90 });
  return hits.sort((a, b) => RANK[b.suggest] - RANK[a.suggest]);
}

/** The verdict for a text, or for a media URL of the async check. */
export function verdictOf(texts: string[]): Verdict {
  const top = keywordHits(texts)[0];
  return top ? { suggest: top.suggest, label: top.label } : { suggest: 'pass', label: 100 };
}

/** Where the emulator pushes an app's events, and after how long. */
export interface PushTarget {
  url: string;
  delayMs: number;
}

export interface EmulatorPush {
  app: EmulatorApp;
  url: string;
  /** The event as WeChat names its fields (fixture push/json/wxa_media_check_event.json). */
  fields: Record<string, unknown>;
}

/**
 * How a push reaches the gateway. The default posts plain JSON (no signature: the emulator
 * does not know the app's push token); the push family replaces it with `setPushDelivery`
 * to sign and encrypt as the app is configured.
 */
export type PushDelivery = (push: EmulatorPush) => Promise<{ status: number }>;

const plainJsonDelivery: PushDelivery = async ({ url, fields }) => {
  const target = new URL(url);
  target.searchParams.set('timestamp', String(Math.floor(Date.now() / 1000)));
  target.searchParams.set('nonce', randomBytes(5).toString('hex'));
  const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
  await response.arrayBuffer();
  return { status: response.status };
};

export interface PushRecord {
  appid: string;
  event: string;
  traceId: string;
  fields: Record<string, unknown>;
  /** `pending`, then the HTTP status the target answered, or `failed` when it could not be reached / `no-target`. */
  outcome: 'pending' | 'no-target' | 'failed' | number;
}

/** Async media checks: their verdicts are pushed to the app's push target after a delay. */
export class SecurityState {
  readonly pushes: PushRecord[] = [];
  private readonly targets = new Map<string, PushTarget>();

  setTarget(appid: string, target: PushTarget | null): void {
    if (target) this.targets.set(appid, target);
    else this.targets.delete(appid);
  }

  target(appid: string): PushTarget | undefined {
    return this.targets.get(appid);
  }

  /** Schedules the `wxa_media_check` push for a check; with no target it is recorded but not sent. */
  schedulePush(delivery: PushDelivery, app: EmulatorApp, traceId: string, fields: Record<string, unknown>): void {
    const record: PushRecord = { appid: app.appid, event: String(fields.Event), traceId, fields, outcome: 'pending' };
    this.pushes.push(record);
    const target = this.targets.get(app.appid);
    if (!target) {
      record.outcome = 'no-target';
      return;
    }
    const timer = setTimeout(() => {
      delivery({ app, url: target.url, fields }).then(
        ({ status }) => (record.outcome = status),
        () => (record.outcome = 'failed'),
      );
    }, target.delayMs);
    timer.unref();
  }
}

export const securityState = (state: EmulatorState): SecurityState => state.domain('security', () => new SecurityState());

// Per emulator, and kept across resets: the delivery is part of how the emulator is wired, not WeChat state.
const deliveries = new WeakMap<EmulatorState, PushDelivery>();

/** Lets the push family deliver the emulator's pushes its own way (signed, encrypted, XML...). */
export function setPushDelivery(state: EmulatorState, delivery: PushDelivery): void {
  deliveries.set(state, delivery);
}

export const pushDelivery = (state: EmulatorState): PushDelivery => deliveries.get(state) ?? plainJsonDelivery;

/** The app's original id (`gh_...`), which pushes carry as ToUserName. */
export const originalId = (appid: string) => `gh_${createHash('sha256').update(appid).digest('hex').slice(0, 12)}`;

const pushTargetBody = z.object({
  appid: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  delayMs: z.number().int().min(0).max(60_000).default(100),
});

/** `/__emulator/security/*`: where async verdicts are pushed, and what was pushed. */
export const securityAdmin: AdminRoutes = {
  'security/push-target': {
    PUT: (target, body) => {
      const parsed = pushTargetBody.safeParse(body);
      if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
      const { appid, url, delayMs } = parsed.data;
      if (!target.state.app(appid)) return [404, { error: 'unknown appid' }];
      securityState(target.state).setTarget(appid, url ? { url, delayMs } : null);
      return [200, { appid, url, delayMs }];
    },
  },
  'security/pushes': {
    GET: (target) => [200, { pushes: securityState(target.state).pushes }],
  },
};
