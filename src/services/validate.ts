import type { z } from 'zod';
import { invalidInput } from './errors.ts';

/** Parses `value`, or refuses with BAD_USER_INPUT naming the field (`input.sender.name`) and the rule. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].join('.');
  throw invalidInput(`${field}: ${issue.message}`, field);
}
