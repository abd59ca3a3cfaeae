import { FormData } from 'undici';
import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';

/**
 * cv/ocr/*: seven recognisers. The image goes either as the multipart field `img` or as
 * `?img_url=<URL>` in the QUERY (the same URL in a JSON body answers 41005, "media data missing").
 * Success bodies carry errcode 0 or the STRING "0" (bankcard doc example); the HTTP layer
 * compares it loosely. Identity documents are personal data: nothing here logs or keeps them.
 */
export const OCR_KINDS = {
  bankCard: 'cv/ocr/bankcard',
  businessLicense: 'cv/ocr/bizlicense',
  /** 驾驶证, the DRIVER's licence (cloud name ocr.driverLicense). */
  driverLicense: 'cv/ocr/drivinglicense',
  idCard: 'cv/ocr/idcard',
  printedText: 'cv/ocr/comm',
  /** 行驶证, the VEHICLE licence (doc name drivingocr): the naming trap of cv/ocr/driving. */
  vehicleLicense: 'cv/ocr/driving',
  plateNumber: 'cv/ocr/platenum',
} as const;
export type OcrKind = keyof typeof OCR_KINDS;

/** An image for OCR: its bytes (already checked), or a URL WeChat downloads itself. */
export type OcrImage = { bytes: Uint8Array<ArrayBuffer>; contentType: string; filename: string } | { url: string };

/** `photo` (a camera picture, the default) or `scan` (a scanned document). */
export type OcrMode = 'photo' | 'scan';

export interface Point {
  x: number;
  y: number;
}
export interface Quad {
  leftTop: Point;
  rightTop: Point;
  rightBottom: Point;
  leftBottom: Point;
}
export interface ImageSize {
  width: number;
  height: number;
}

const str = z.preprocess((value) => (value === null || value === undefined || value === '' ? undefined : String(value)), z.string().optional());
const num = z.preprocess((value) => (value === null || value === undefined || value === '' ? undefined : value), z.coerce.number().optional());
const point = z.object({ x: z.coerce.number().default(0), y: z.coerce.number().default(0) });
const quadBody = z.object({ left_top: point, right_top: point, right_bottom: point, left_bottom: point });
/** Positions come wrapped: `{"pos": {left_top, right_top, right_bottom, left_bottom}}`. */
const position = z
  .object({ pos: quadBody })
  .optional()
  .catch(undefined)
  .transform((value): Quad | undefined =>
    value
      ? { leftTop: value.pos.left_top, rightTop: value.pos.right_top, rightBottom: value.pos.right_bottom, leftBottom: value.pos.left_bottom }
      : undefined,
  );
const imageSize = z
  .object({ w: z.coerce.number(), h: z.coerce.number() })
  .optional()
  .catch(undefined)
  .transform((value): ImageSize | undefined => (value ? { width: value.w, height: value.h } : undefined));

// The card number is `number` in SKIT, gochat and WxJava, but `id` in the current doc and weapp.
const bankCard = z.object({ number: str, id: str }).transform((b) => ({ number: b.number ?? b.id }));

const businessLicense = z
  .object({
    reg_num: str,
    serial: str,
    legal_representative: str,
    enterprise_name: str,
    type_of_organization: str,
    address: str,
    type_of_enterprise: str,
    business_scope: str,
    registered_capital: str,
    paid_in_capital: str,
    valid_period: str,
    registered_date: str,
    cert_position: position,
    img_size: imageSize,
  })
  .transform((b) => ({
    registrationNumber: b.reg_num,
    serial: b.serial,
    legalRepresentative: b.legal_representative,
    enterpriseName: b.enterprise_name,
    typeOfOrganization: b.type_of_organization,
    address: b.address,
    typeOfEnterprise: b.type_of_enterprise,
    businessScope: b.business_scope,
    registeredCapital: b.registered_capital,
    paidInCapital: b.paid_in_capital,
    validPeriod: b.valid_period,
    registeredDate: b.registered_date,
    certPosition: b.cert_position,
    imageSize: b.img_size,
  }));

const driverLicense = z
  .object({
    id_num: str,
    name: str,
    sex: str,
    nationality: str,
    address: str,
    birth_date: str,
    issue_date: str,
    car_class: str,
    valid_from: str,
    valid_to: str,
    official_seal: str,
  })
  .transform((b) => ({
    idNumber: b.id_num,
    name: b.name,
    sex: b.sex,
    nationality: b.nationality,
    address: b.address,
    birthDate: b.birth_date,
    issueDate: b.issue_date,
    carClass: b.car_class,
    validFrom: b.valid_from,
    validTo: b.valid_to,
    officialSeal: b.official_seal,
  }));

// A real 2020 front-side answer carries `birth` and `card_property`, which no doc shows.
const idCard = z
  .object({ type: str, name: str, id: str, addr: str, gender: str, nationality: str, valid_date: str, birth: str, card_property: num })
  .transform((b) => ({
    side: b.type?.toLowerCase() === 'back' ? ('back' as const) : b.type?.toLowerCase() === 'front' ? ('front' as const) : undefined,
    name: b.name,
    idNumber: b.id,
    address: b.addr,
    gender: b.gender,
    nationality: b.nationality,
    validDate: b.valid_date,
    birthDate: b.birth,
    cardProperty: b.card_property,
  }));

const printedText = z
  .object({ items: listOf(z.object({ text: z.coerce.string().default(''), pos: quadBody.optional() })), img_size: imageSize })
  .transform((b) => ({
    items: b.items.map((item) => ({
      text: item.text,
      position: item.pos && { leftTop: item.pos.left_top, rightTop: item.pos.right_top, rightBottom: item.pos.right_bottom, leftBottom: item.pos.left_bottom },
    })),
    imageSize: b.img_size,
  }));

// Older doc examples (gochat, weapp) spell the vehicle type `vhicle_type`.
const vehicleLicense = z
  .object({
    plate_num: str,
    vehicle_type: str,
    vhicle_type: str,
    owner: str,
    addr: str,
    use_character: str,
    model: str,
    vin: str,
    engine_num: str,
    register_date: str,
    issue_date: str,
    plate_num_b: str,
    record: str,
    passengers_num: str,
    total_quality: str,
    prepare_quality: str,
    overall_size: str,
    card_position_front: position,
    card_position_back: position,
    img_size: imageSize,
  })
  .transform((b) => ({
    plateNumber: b.plate_num,
    vehicleType: b.vehicle_type ?? b.vhicle_type,
    owner: b.owner,
    address: b.addr,
    useCharacter: b.use_character,
    model: b.model,
    vin: b.vin,
    engineNumber: b.engine_num,
    registerDate: b.register_date,
    issueDate: b.issue_date,
    plateNumberBack: b.plate_num_b,
    record: b.record,
    passengers: b.passengers_num,
    totalMass: b.total_quality,
    kerbMass: b.prepare_quality,
    overallSize: b.overall_size,
    cardPositionFront: b.card_position_front,
    cardPositionBack: b.card_position_back,
    imageSize: b.img_size,
  }));

const plateNumber = z.object({ number: str }).transform((b) => ({ number: b.number }));

const PARSERS = {
  bankCard,
  businessLicense,
  driverLicense,
  idCard,
  printedText,
  vehicleLicense,
  plateNumber,
} satisfies Record<OcrKind, z.ZodType>;

export type OcrResult<K extends OcrKind> = z.output<(typeof PARSERS)[K]>;

/** Maps one kind's WeChat body to its camelCase result (pure; the fixtures run through it). */
export function parseOcr<K extends OcrKind>(kind: K, body: unknown): OcrResult<K> {
  return parseBody(OCR_KINDS[kind], PARSERS[kind] as unknown as z.ZodType<OcrResult<K>>, body);
}

/** One OCR call. A read: retried on -1 and network faults (a repeat only costs quota). */
export async function recognize<K extends OcrKind>(wx: AppClient, kind: K, image: OcrImage, mode: OcrMode, signal?: AbortSignal): Promise<OcrResult<K>> {
  const endpoint = OCR_KINDS[kind];
  let body: unknown;
  if ('url' in image) {
    body = await wx.json({ endpoint, method: 'POST', query: { type: mode, img_url: image.url }, retry: 'read', signal });
  } else {
    const form = new FormData();
    form.append('img', new Blob([image.bytes], { type: image.contentType }), image.filename);
    body = await wx.json({ endpoint, method: 'POST', query: { type: mode }, form, retry: 'read', signal });
  }
  return parseOcr(kind, body);
}
