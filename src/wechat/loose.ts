import { z } from 'zod';

/**
 * The one way to read WeChat's loose scalars. WeChat sends numbers as numbers or as strings
 * ("1", also in JSON bodies), blanks ("") and nulls where a value is missing, and bare numbers
 * where a string is documented (XML pushes, ids). The rule, everywhere:
 *
 * - absent, `null` and a blank string are **missing**;
 * - a number is a number or a numeric string; an integer must be whole;
 * - a string is a string, or a number or boolean WeChat sent bare;
 * - a value that cannot be read as its type counts as missing.
 *
 * `looseX()` requires the value (missing → the body does not fit: a `bad_response`);
 * `looseX(fallback)` gives `fallback` (often `null` or `undefined`) when it is missing.
 */

const MISSING = Symbol('missing');

const isMissing = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function readNumber(value: unknown): number | typeof MISSING {
  if (isMissing(value)) return MISSING;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : MISSING;
}

function readInt(value: unknown): number | typeof MISSING {
  const number = readNumber(value);
  return number !== MISSING && Number.isInteger(number) ? number : MISSING;
}

function readString(value: unknown): string | typeof MISSING {
  if (isMissing(value)) return MISSING;
  return ['string', 'number', 'bigint', 'boolean'].includes(typeof value) ? String(value) : MISSING;
}

function reader<T>(read: (value: unknown) => T | typeof MISSING, what: string) {
  function build(): z.ZodType<T>;
  function build<F>(fallback: F): z.ZodType<T | F>;
  function build<F>(...fallback: [F?]) {
    const optional = fallback.length > 0;
    return z.unknown().optional().transform((value, ctx) => {
      const read_ = read(value);
      if (read_ !== MISSING) return read_;
      if (optional) return fallback[0] as F;
      ctx.addIssue({ code: 'custom', message: `expected ${what}` });
      return z.NEVER;
    });
  }
  return build;
}

/** A number (a numeric string counts). */
export const looseNumber = reader(readNumber, 'a number');
/** A whole number (a numeric string counts). */
export const looseInt = reader(readInt, 'an integer');
/** A string (a bare number or boolean counts). */
export const looseString = reader(readString, 'a string');
