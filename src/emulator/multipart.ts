import type { IncomingHttpHeaders } from 'node:http';

export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** One file field of a multipart/form-data body (as `curl -F media=@x.jpg` sends it), parsed by Node's fetch Response. */
export async function readMultipartFile(body: Buffer, headers: IncomingHttpHeaders, field: string): Promise<UploadedFile | undefined> {
  const contentType = headers['content-type'] ?? '';
  if (!/^multipart\/form-data;.*boundary=/i.test(contentType)) return undefined;
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    const value = form.get(field);
    if (value === null || typeof value === 'string') return undefined;
    return { filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  } catch {
    return undefined;
  }
}

/** The image formats WeChat's media endpoints take, by their leading bytes. */
export function detectImage(bytes: Buffer): 'png' | 'jpeg' | 'gif' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  return undefined;
}
