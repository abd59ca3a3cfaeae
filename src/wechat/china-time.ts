import { tz, TZDate } from '@date-fns/tz';

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

/** Seconds from `now` until the next midnight in China. */
export function secondsToChinaMidnight(now: number = Date.now()): number {
  const next = Math.ceil((now + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000;
  return Math.ceil((next - now) / 1000);
}
