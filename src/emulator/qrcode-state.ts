import type { EmulatorState } from './state.ts';

/**
 * Pages every emulated mini program has "released": the pages the fixtures use, plus a few
 * more. getwxacodeunlimit (with check_path) answers 41030 for others, schemes and URL links
 * 40165, short links 40066.
 */
export const EMULATOR_PAGES: readonly string[] = [
  'pages/index/index',
  'pages/product/detail',
  'pages/product/list',
  'pages/order/list',
  'pages/order/detail',
  'pages/user/profile',
  'pages/recommend/recommend',
  'pages/publishHomework/publishHomework',
  'page/index/index',
  'funpackage/questionsWall/questionInfo',
];

const PAGES = new Set(EMULATOR_PAGES);

/** A page path as WeChat compares it: no leading slash, no query. */
export const isReleasedPage = (page: string): boolean => PAGES.has(page.replace(/^\//, '').split('?')[0]!);

/** getwxacode + createwxaqrcode share 100 000 codes per app, for ever (45029 after). */
export const LIMITED_QUOTA = 100_000;

/** Limited codes drawn per app. Every call counts, identical or not: the gateway must not repeat itself. */
export class QRCodeState {
  private readonly used = new Map<string, number>();

  usedBy(appid: string): number {
    return this.used.get(appid) ?? 0;
  }

  /** Takes one code from the app's quota; false once it is spent. */
  take(appid: string): boolean {
    const used = this.usedBy(appid);
    if (used >= LIMITED_QUOTA) return false;
    this.used.set(appid, used + 1);
    return true;
  }

  /** Admin: pretend the app has already drawn `used` codes. */
  setUsed(appid: string, used: number): void {
    this.used.set(appid, used);
  }
}

export const qrcodeState = (state: EmulatorState): QRCodeState => state.domain('qrcode', () => new QRCodeState());
