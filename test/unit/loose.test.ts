import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { looseInt, looseNumber, looseString } from '../../src/wechat/loose.ts';

describe('loose readers (one rule for WeChat scalars)', () => {
  it('reads numbers sent as numbers or strings', () => {
    expect(looseInt().parse('42')).toBe(42);
    expect(looseInt().parse(42)).toBe(42);
    expect(looseInt().parse(' -7 ')).toBe(-7);
    expect(looseNumber().parse('1.5')).toBe(1.5);
    expect(looseString().parse(1234567890123)).toBe('1234567890123');
    expect(looseString().parse('text')).toBe('text');
  });

  it('treats absent, null and blank alike: required fails, optional gives the fallback', () => {
    for (const missing of [undefined, null, '', '  ']) {
      expect(looseInt().safeParse(missing).success).toBe(false);
      expect(looseNumber().safeParse(missing).success).toBe(false);
      expect(looseString().safeParse(missing).success).toBe(false);
      expect(looseInt(null).parse(missing)).toBeNull();
      expect(looseNumber(0).parse(missing)).toBe(0);
      expect(looseString('').parse(missing)).toBe('');
      expect(looseString(undefined).parse(missing)).toBeUndefined();
    }
  });

  it('counts an unreadable value as missing', () => {
    expect(looseInt(null).parse('abc')).toBeNull();
    expect(looseInt(null).parse('1.5')).toBeNull();
    expect(looseInt(null).parse({ a: 1 })).toBeNull();
    expect(looseNumber(null).parse('NaN')).toBeNull();
    expect(looseString(null).parse({ a: 1 })).toBeNull();
    expect(looseInt().safeParse('abc').success).toBe(false);
  });

  it('works inside objects, where a key may be absent', () => {
    const schema = z.object({ n: looseInt(), s: looseString(null) });
    expect(schema.parse({ n: '3' })).toEqual({ n: 3, s: null });
    expect(schema.safeParse({ s: 'x' }).success).toBe(false);
  });
});
