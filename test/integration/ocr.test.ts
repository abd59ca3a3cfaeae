import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OcrBankCardDocument,
  OcrBusinessLicenseDocument,
  OcrDriverLicenseDocument,
  OcrIdCardDocument,
  OcrPlateNumberDocument,
  OcrPrintedTextDocument,
  OcrVehicleLicenseDocument,
} from '../gql/graphql.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { errorCodes, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

function png(width: number, height: number, fill = 120, trailer = ''): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(fill);
  return Buffer.concat([PNG.sync.write(image), Buffer.from(trailer)]);
}

/** A GraphQL multipart request (the upload spec) with one file in variables.image. */
async function upload<T, V>(s: Stack, document: TypedDocumentNode<T, V>, bytes: Buffer, variables: Record<string, unknown> = {}, key = s.keys.admin): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: { ...variables, image: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.image'] }));
  form.append('0', new Blob([new Uint8Array(bytes)]), 'card.png');
  const response = await fetch(`${s.instances[0]!.url}/graphql`, { method: 'POST', headers: { 'x-api-key': key }, body: form });
  const body = await response.text();
  recordText(body);
  return JSON.parse(body);
}

const ocrCalls = (s: Stack) => Object.entries(s.emulator.calls()).filter(([path]) => path.startsWith('cv/ocr/')).reduce((sum, [, n]) => sum + n, 0);

/** GB 11643: the 18th character is the check of the first 17. */
function validIdNumber(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...id.slice(0, 17)].reduce((total, ch, index) => total + Number(ch) * weights[index]!, 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('OCR', () => {
  it('reads an uploaded image deterministically from its bytes', async () => {
    stack = await startStack();
    const image = png(64, 40);
    const first = await upload(stack, OcrBankCardDocument, image);
    expect(first.errors).toBeUndefined();
    expect(first.data?.ocrBankCard.number).toMatch(/^6222\d{15}$/);
    const again = await upload(stack, OcrBankCardDocument, image);
    expect(again.data).toEqual(first.data);
    const other = await upload(stack, OcrBankCardDocument, png(64, 40, 30));
    expect(other.data?.ocrBankCard.number).not.toBe(first.data?.ocrBankCard.number);
    // Never cached: every read is a call.
    expect(stack.emulator.calls()['cv/ocr/bankcard']).toBe(3);

    const text = await upload(stack, OcrPrintedTextDocument, png(320, 200));
    expect(text.errors).toBeUndefined();
    expect(text.data?.ocrPrintedText.imageSize).toEqual({ width: 320, height: 200 });
    expect(text.data?.ocrPrintedText.lines.length).toBeGreaterThan(0);
    expect(text.data?.ocrPrintedText.lines[0]!.position?.leftTop).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  });

  it('reads both sides of an ID card and never logs the ID number', async () => {
    stack = await startStack();
    const front = await upload(stack, OcrIdCardDocument, png(90, 60), { mode: 'SCAN' });
    expect(front.errors).toBeUndefined();
    const card = front.data!.ocrIdCard;
    expect(card).toMatchObject({ side: 'FRONT', nationality: '汉', cardProperty: 4 });
    expect(validIdNumber(card.idNumber!)).toBe(true);
    expect(card.birthDate).toBe(`${card.idNumber!.slice(6, 10)}-${card.idNumber!.slice(10, 12)}-${card.idNumber!.slice(12, 14)}`);
    const back = await upload(stack, OcrIdCardDocument, png(90, 60, 120, 'emu-back'));
    expect(back.data?.ocrIdCard).toMatchObject({ side: 'BACK', idNumber: null, validDate: expect.stringMatching(/^\d{8}-\d{8}$/) });
    expect(stack.logs.length).toBeGreaterThan(0);
    for (const line of stack.logs) {
      expect(line).not.toContain(card.idNumber!);
      expect(line).not.toContain(card.name!);
    }
  });

  it('sends imageUrl as img_url in the query, for every kind', async () => {
    stack = await startStack();
    const imageUrl = 'https://example.com/licence.jpg?size=large&v=1';
    const licence = await stack.request(OcrBusinessLicenseDocument, { imageUrl });
    expect(licence.errors).toBeUndefined();
    expect(licence.data?.ocrBusinessLicense.registrationNumber).toMatch(/^91440101\d{9}X$/);
    const driver = await stack.request(OcrDriverLicenseDocument, { imageUrl });
    expect(validIdNumber(driver.data!.ocrDriverLicense.idNumber!)).toBe(true);
    const vehicle = await stack.request(OcrVehicleLicenseDocument, { imageUrl });
    expect(vehicle.data?.ocrVehicleLicense).toMatchObject({ vehicleType: '小型普通客车', vin: expect.stringMatching(/^LJ166/) });
    const plate = await stack.request(OcrPlateNumberDocument, { imageUrl });
    expect(plate.data?.ocrPlateNumber.number).toMatch(/^[\u4e00-\u9fa5][A-Z]\d{5}$/);
    // Same URL, same answer (the emulator derives it from the URL WeChat would download).
    expect((await stack.request(OcrPlateNumberDocument, { imageUrl })).data).toEqual(plate.data);
    expect(ocrCalls(stack)).toBe(5);
  });

  it('refuses an upload over 2 MB, a non-image, a GIF, a non-http(s) URL and an ambiguous image before any call', async () => {
    stack = await startStack();
    const big = png(1200, 1200, 0, 'x'.repeat(2 * 1024 * 1024));
    const cases: [string, Promise<GraphQLResponse<unknown>>, RegExp][] = [
      ['over 2 MB', upload(stack, OcrBankCardDocument, big), /over WeChat's limit of 2097152 bytes/],
      ['not an image', upload(stack, OcrBankCardDocument, Buffer.from('%PDF-1.4 not an image')), /not a PNG, JPEG or GIF image/],
      ['GIF', upload(stack, OcrBankCardDocument, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), /OCR takes PNG or JPEG/],
      ['empty', upload(stack, OcrBankCardDocument, Buffer.alloc(0)), /empty/],
      ['ftp URL', stack.request(OcrBankCardDocument, { imageUrl: 'ftp://example.com/card.png' }), /http or https/],
      ['file URL', stack.request(OcrBankCardDocument, { imageUrl: 'file:///etc/passwd' }), /http or https/],
      ['not a URL', stack.request(OcrBankCardDocument, { imageUrl: 'card.png' }), /not a URL/],
      ['neither', stack.request(OcrBankCardDocument, {}), /exactly one of image/],
      ['both', upload(stack, OcrBankCardDocument, png(10, 10), { imageUrl: 'https://example.com/a.png' }), /exactly one of image/],
    ];
    for (const [name, pending, message] of cases) {
      const response = await pending;
      expect(errorCodes(response), name).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message, name).toMatch(message);
    }
    expect(ocrCalls(stack)).toBe(0);
  });

  it("maps WeChat's 101000 to BAD_USER_INPUT and 101002/101003 to QUOTA_EXHAUSTED", async () => {
    stack = await startStack();
    const unreachable = await stack.request(OcrIdCardDocument, { imageUrl: 'https://example.com:8443/emu-unreachable.jpg' });
    expect(errorCodes(unreachable)).toEqual(['BAD_USER_INPUT']);
    expect(unreachable.errors?.[0]?.extensions).toMatchObject({ errcode: 101000, endpoint: 'cv/ocr/idcard', errmsg: 'invalid image url' });
    // Encoded twice on the caller's side (%253A): WeChat cannot fetch it either.
    const twice = await stack.request(OcrIdCardDocument, { imageUrl: 'https://example.com/scan%253Fid%253D1.jpg' });
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
    for (const code of [101002, 101003]) {
      const quota = await upload(stack, OcrBankCardDocument, png(20, 20, 120, `emu-ocr-${code}`));
      expect(errorCodes(quota)).toEqual(['QUOTA_EXHAUSTED']);
      expect(quota.errors?.[0]?.extensions?.errcode).toBe(code);
    }
    const nothing = await upload(stack, OcrBankCardDocument, png(20, 20, 120, 'emu-ocr-101001'));
    expect(errorCodes(nothing)).toEqual(['BAD_USER_INPUT']);
    // Reads: none of these is retried (the answer is final), one call each.
    expect(stack.emulator.calls()).toMatchObject({ 'cv/ocr/idcard': 2, 'cv/ocr/bankcard': 3 });
  });

  it('needs the ocr:read scope', async () => {
    stack = await startStack();
    const response = await stack.request(OcrPlateNumberDocument, { imageUrl: 'https://example.com/a.jpg' }, { key: stack.keys.logs });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors?.[0]?.extensions?.requiredScopes).toEqual(['ocr:read']);
    expect(ocrCalls(stack)).toBe(0);
  });
});
