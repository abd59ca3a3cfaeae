import { randomBytes } from 'node:crypto';
import type { EmulatorState } from './state.ts';

/** What WeChat stores for an encrypted scheme or a URL link. Times are Unix seconds. */
export interface LinkRecord {
  appid: string;
  path: string;
  query: string;
  envVersion: string;
  createTime: number;
  expireTime: number;
}

/** Permanent short links: 100 000 per app for ever (85400 after). */
export const PERMANENT_SHORT_LINKS = 100_000;

/** `length` characters of [A-Za-z0-9], like the tokens in real schemes (`?t=3uGqLFHHS3r`). */
export function token(length: number): string {
  let out = '';
  while (out.length < length) out += randomBytes(length * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '');
  return out.slice(0, length);
}

/** Schemes and URL links by token, and permanent short links per app. */
export class LinksState {
  readonly schemes = new Map<string, LinkRecord>();
  readonly urlLinks = new Map<string, LinkRecord>();
  private readonly permanent = new Map<string, number>();

  /** Counts a permanent short link; false once the app has made 100 000. */
  takePermanent(appid: string): boolean {
    const used = this.permanent.get(appid) ?? 0;
    if (used >= PERMANENT_SHORT_LINKS) return false;
    this.permanent.set(appid, used + 1);
    return true;
  }
}

export const linksState = (state: EmulatorState): LinksState => state.domain('links', () => new LinksState());
