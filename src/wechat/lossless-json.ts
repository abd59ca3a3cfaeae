import { isSafeNumber, parse } from 'lossless-json';

/** A 16-digit or longer integer somewhere in a JSON text (the only kind that can lose digits). */
const LONG_INTEGER = /[:[,]\s*-?\d{16,}\s*[,}\]]/;

/**
 * JSON.parse, except that integers beyond 2^53 stay strings. Real template msgids
 * (1226691075109289985, fixture cgi-bin/message/template/send.json) and MsgIDs exceed 2^53,
 * and JSON.parse silently rounds them. Bodies without a long integer take the fast path.
 */
export function parseLosslessJson(text: string): unknown {
  if (!LONG_INTEGER.test(text)) return JSON.parse(text);
  return parse(text, null, (value) => (isSafeNumber(value) ? Number(value) : /^-?\d+$/.test(value) ? value : Number(value)));
}
