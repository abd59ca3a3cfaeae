import { tz, TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';

/**
 * WeChat's days are China days (UTC+8, no daylight saving): datacube's "yesterday", the
 * realtime-log window and the daily quota reset (45009) all turn at midnight in Shanghai.
 */
export const CHINA_ZONE = 'Asia/Shanghai';
export const inChina = tz(CHINA_ZONE);

/** `YYYY-MM-DD` of a UTC calendar date (GraphQL `Date` values arrive as UTC midnights). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Midnight starting `day` (`YYYY-MM-DD`) in China. */
export function chinaMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, CHINA_ZONE).getTime());
}

/** `now` on China's calendar and clock. */
export const chinaNow = (now: number = Date.now()): TZDate => TZDate.tz(CHINA_ZONE, now);

/** `YYYY-MM-DD` of the China day `days` after the one holding `now` (negative: before). */
export const chinaDay = (now: number = Date.now(), days = 0): string => format(addDays(chinaNow(now), days), 'yyyy-MM-dd');

/** Seconds from `now` until the next midnight in China. */
export function secondsToChinaMidnight(now: number = Date.now()): number {
  const next = startOfDay(addDays(chinaNow(now), 1));
  return Math.ceil((next.getTime() - now) / 1000);
}
