import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { inspectImage } from '../../src/wechat/api/security.ts';
import { templateKeywords } from '../../src/wechat/api/messages.ts';

/** A minimal baseline JPEG header: SOI, an APP0 segment, then SOF0 with the size. */
function jpegHeader(width: number, height: number, marker = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, marker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xff, ...sof]);
}

describe('inspectImage', () => {
  it('reads PNG, GIF and JPEG (baseline and progressive) sizes from their headers', () => {
    expect(inspectImage(PNG.sync.write(new PNG({ width: 750, height: 1334 })))).toEqual({ format: 'png', width: 750, height: 1334 });
    expect(inspectImage(new Uint8Array([...Buffer.from('GIF89a'), 0x20, 0x03, 0x36, 0x05, 0, 0]))).toEqual({ format: 'gif', width: 800, height: 1334 });
    expect(inspectImage(jpegHeader(640, 480))).toEqual({ format: 'jpeg', width: 640, height: 480 });
    expect(inspectImage(jpegHeader(1024, 768, 0xc2))).toEqual({ format: 'jpeg', width: 1024, height: 768 });
  });

  it('refuses what is not one of them, or is cut short', () => {
    expect(inspectImage(Buffer.from('<svg/>'))).toBeUndefined();
    expect(inspectImage(Buffer.from('BM6\x00\x00\x00'))).toBeUndefined();
    expect(inspectImage(jpegHeader(640, 480).subarray(0, 24))).toBeUndefined();
    expect(inspectImage(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
  });
});

describe('templateKeywords', () => {
  it('takes each keyword with the label before it, and enum values by keyword code', () => {
    const content = '完成时间:{{time1.DATA}}\n所在位置：{{enum_string2.DATA}}\n{{thing3.DATA}}\n';
    expect(templateKeywords(content, [{ keywordCode: 'enum_string2.DATA', enumValueList: ['客厅'] }])).toEqual([
      { key: 'time1', name: '完成时间', type: 'time' },
      { key: 'enum_string2', name: '所在位置', type: 'enum_string', enumValues: ['客厅'] },
      { key: 'thing3', name: '', type: 'thing' },
    ]);
  });
});
