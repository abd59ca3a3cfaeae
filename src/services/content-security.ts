import type { RateLimiters } from '../store/rate-limit.ts';
import { checkImage, checkText, MSG_SEC_CHECK, type ImageInfo, type TextCheck, type TextVerdict } from '../wechat/api/security.ts';
import type { AppClient } from '../wechat/client.ts';
import { ServiceError } from './errors.ts';
import { IMAGE_LIMITS, type Uploads } from './uploads.ts';

/** A signed-in user checking their own text: enough for a person, not enough to drain the app's 4000/min. */
export const USER_TEXT_CHECKS = { name: `${MSG_SEC_CHECK}:user`, points: 60, durationSeconds: 60 };

export interface ImageVerdict extends ImageInfo {
  risky: boolean;
}

/**
 * Content security checks. WeChat's per-app limits are kept by the WeChat client itself
 * (`src/wechat/limits.ts`); this service adds the gateway's own per-user budget and reads uploads.
 */
export function createContentSecurity(options: { limiters: RateLimiters; uploads: Uploads }) {
  const perUser = options.limiters.get(USER_TEXT_CHECKS);
  return {
    /** msgSecCheck v2; `byUser`: the author asks for themselves, within their own budget. */
    async checkText(wx: AppClient, check: TextCheck, { byUser }: { byUser: boolean }, signal: AbortSignal): Promise<TextVerdict> {
      if (byUser) {
        const verdict = await perUser.consume(`${wx.app.appid}:${check.openid}`);
        if (!verdict.allowed) {
          const retryAfter = Math.ceil(verdict.retryAfterMs / 1000);
          throw new ServiceError(
            'RATE_LIMITED',
            `${USER_TEXT_CHECKS.name}: over ${USER_TEXT_CHECKS.points} calls per ${USER_TEXT_CHECKS.durationSeconds} s for this user; WeChat was not called. Try again in ${retryAfter} s.`,
            { retryAfter, limit: USER_TEXT_CHECKS.points, endpoint: MSG_SEC_CHECK },
          );
        }
      }
      return checkText(wx, check, signal);
    },

    /** imgSecCheck of an uploaded image, read and checked against WeChat's limits first. */
    async checkImage(wx: AppClient, file: File, field: string, signal: AbortSignal): Promise<ImageVerdict> {
      const { media, info } = await options.uploads.readImage(file, IMAGE_LIMITS.contentCheck, field);
      const { risky } = await checkImage(wx, media, signal);
      return { ...info, risky };
    },
  };
}

export type ContentSecurity = ReturnType<typeof createContentSecurity>;
