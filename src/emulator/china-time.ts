import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * WeChat's days are China days (UTC+8, no daylight saving): datacube's "yesterday" and the
 * realtime-log window turn at midnight in Shanghai. The emulator's own copy, the same approach
 * as the gateway's (a time-zone library, never a hand-made offset), so neither imports the other.
 */
export const CHINA_ZONE = 'Asia/Shanghai';

/** The instant `at` as a date in China (its getters answer in China time). */
export const chinaTime = (at: number = Date.now()): TZDate => TZDate.tz(CHINA_ZONE, at);

/** The China calendar day of `at`, formatted (`yyyy-MM-dd` by default, `yyyyMMdd` for realtime logs). */
export const chinaDay = (at: number = Date.now(), pattern = 'yyyy-MM-dd'): string => format(chinaTime(at), pattern);

/** Unix seconds of midnight starting that calendar day in China. */
export const chinaMidnightSeconds = (year: number, monthIndex: number, day: number): number => new TZDate(year, monthIndex, day, CHINA_ZONE).getTime() / 1000;
