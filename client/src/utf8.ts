/**
 * Streaming UTF-8 decoding of ArrayBuffer chunks. Mini programs hand chunked responses over as
 * ArrayBuffers cut at arbitrary bytes, and older base libraries have no TextDecoder.
 */
export function createUtf8Decoder(): (chunk: ArrayBuffer | Uint8Array, final?: boolean) => string {
  const Native = (globalThis as { TextDecoder?: typeof TextDecoder }).TextDecoder;
  if (Native) {
    const decoder = new Native('utf-8');
    return (chunk, final = false) => decoder.decode(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk), { stream: !final });
  }
  let pending: number[] = [];
  return (chunk, final = false) => {
    const bytes = pending.concat(Array.from(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk)));
    pending = [];
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (i + need > bytes.length) {
        if (!final) pending = bytes.slice(i);
        else out += '\ufffd';
        break;
      }
      let cp = need === 1 ? (b < 0x80 ? b : 0xfffd) : b & (0xff >> (need + 1));
      for (let k = 1; k < need; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
      out += String.fromCodePoint(cp);
      i += need;
    }
    return out;
  };
}
