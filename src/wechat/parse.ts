import { z } from 'zod';
import { WeChatTransportError } from './errors.ts';

/**
 * Parses a WeChat success body with a tolerant zod schema. A body that does not fit is a
 * `bad_response` (WeChat changed shape), never a crash in a resolver.
 */
export function parseBody<T>(endpoint: string, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new WeChatTransportError(endpoint, 'bad_response', true);
  return parsed.data;
}

/**
 * A list WeChat may send as an array, as a single object (one item; JSON pushes and XML single
 * elements do this), or not at all, or as an empty XML element (none).
 */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));
