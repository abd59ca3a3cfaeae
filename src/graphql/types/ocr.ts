import type { OcrKind, OcrResult, Point, Quad, ImageSize } from '../../wechat/api/ocr.ts';
import { builder } from '../builder.ts';
import { appArg } from './refs.ts';

const OCR_READ = { apiKey: 'ocr:read' } as const;

const OcrPoint = builder.objectRef<Point>('OcrPoint').implement({
  description: `A pixel position in the image (origin top left).`,
  authScopes: OCR_READ,
  fields: (t) => ({
    x: t.exposeInt('x', { description: 'Pixels from the left edge.' }),
    y: t.exposeInt('y', { description: 'Pixels from the top edge.' }),
  }),
});

const OcrQuad = builder.objectRef<Quad>('OcrQuad').implement({
  description: `Where something was found: its four corners (WeChat's pos.left_top ... left_bottom).`,
  authScopes: OCR_READ,
  fields: (t) => ({
    leftTop: t.expose('leftTop', { type: OcrPoint, description: 'Top-left corner.' }),
    rightTop: t.expose('rightTop', { type: OcrPoint, description: 'Top-right corner.' }),
    rightBottom: t.expose('rightBottom', { type: OcrPoint, description: 'Bottom-right corner.' }),
    leftBottom: t.expose('leftBottom', { type: OcrPoint, description: 'Bottom-left corner.' }),
  }),
});

const OcrImageSize = builder.objectRef<ImageSize>('OcrImageSize').implement({
  description: `The size of the image WeChat read (img_size).`,
  authScopes: OCR_READ,
  fields: (t) => ({
    width: t.exposeInt('width', { description: 'Width in pixels (w).' }),
    height: t.exposeInt('height', { description: 'Height in pixels (h).' }),
  }),
});

const OcrMode = builder.enumType('OcrMode', {
  description: 'How the image was taken (the `type` query parameter of cv/ocr/*).',
  values: {
    PHOTO: { value: 'photo', description: 'A camera photo (the default).' },
    SCAN: { value: 'scan', description: 'A scanned document.' },
  } as const,
});

const IdCardSide = builder.enumType('IdCardSide', {
  description: 'Which side of a Chinese resident identity card was read (type Front/Back in the answer).',
  values: {
    FRONT: { value: 'front', description: 'The side with the photo: name, number, address, gender, ethnicity.' },
    BACK: { value: 'back', description: 'The side with the issuing authority: validity period.' },
  } as const,
});

type Fields = Record<string, string>;

/** A result type whose fields are all optional strings WeChat returns when it found them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function stringFields(t: any, fields: Fields): Record<string, any> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, description]) => [
      name,
      t.string({ nullable: true, description, resolve: (parent: object) => ((parent as Record<string, unknown>)[name] as string | undefined) ?? null }),
    ]),
  );
}

const BankCardOcr = builder.objectRef<OcrResult<'bankCard'>>('BankCardOcr').implement({
  description: `A bank card read by cv/ocr/bankcard.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    number: t.string({
      nullable: true,
      description: 'The card number (WeChat sends it as `number`, or as `id` in its docs; both are read).',
      resolve: (card) => card.number ?? null,
    }),
  }),
});

const BusinessLicenseOcr = builder.objectRef<OcrResult<'businessLicense'>>('BusinessLicenseOcr').implement({
  description: `A business licence (营业执照) read by cv/ocr/bizlicense. Only fields printed on the licence are returned.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    ...stringFields(t, {
      registrationNumber: 'reg_num: the registration number (统一社会信用代码).',
      serial: 'serial: the licence serial number.',
      legalRepresentative: 'legal_representative: the legal representative.',
      enterpriseName: 'enterprise_name: the name of the business.',
      typeOfOrganization: 'type_of_organization: the organisation type (组成形式).',
      address: 'address: the registered address.',
      typeOfEnterprise: 'type_of_enterprise: the company type.',
      businessScope: 'business_scope: the business scope, verbatim.',
      registeredCapital: 'registered_capital: as printed, e.g. "200万".',
      paidInCapital: 'paid_in_capital: as printed.',
      validPeriod: 'valid_period: the term of operation, as printed.',
      registeredDate: 'registered_date: the date of establishment, as printed (e.g. "2018年1月1日").',
    }),
    certPosition: t.field({ type: OcrQuad, nullable: true, description: 'cert_position: where the licence is in the image.', resolve: (l) => l.certPosition ?? null }),
    imageSize: t.field({ type: OcrImageSize, nullable: true, description: 'img_size: the image size.', resolve: (l) => l.imageSize ?? null }),
  }),
});

const DriverLicenseOcr = builder.objectRef<OcrResult<'driverLicense'>>('DriverLicenseOcr').implement({
  description: `A driver's licence (驾驶证) read by cv/ocr/drivinglicense. Personal data: the gateway neither logs nor keeps it.`,
  authScopes: OCR_READ,
  fields: (t) =>
    stringFields(t, {
      idNumber: 'id_num: the licence number (the holder\'s ID number).',
      name: 'name: the holder.',
      sex: 'sex: as printed (男/女).',
      nationality: 'nationality: as printed.',
      address: 'address: the holder\'s address.',
      birthDate: 'birth_date: YYYY-MM-DD.',
      issueDate: 'issue_date: date of first issue, YYYY-MM-DD.',
      carClass: 'car_class: the permitted vehicle class, e.g. C1.',
      validFrom: 'valid_from: YYYY-MM-DD.',
      validTo: 'valid_to: YYYY-MM-DD.',
      officialSeal: 'official_seal: the issuing authority on the seal.',
    }),
});

const IdCardOcr = builder.objectRef<OcrResult<'idCard'>>('IdCardOcr').implement({
  description: `A Chinese resident identity card read by cv/ocr/idcard. Personal data: the gateway neither logs nor keeps it.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    side: t.field({ type: IdCardSide, nullable: true, description: 'type: which side was read (Front or Back).', resolve: (card) => card.side ?? null }),
    ...stringFields(t, {
      name: 'name (front).',
      idNumber: 'id: the 18-character ID number (front).',
      address: 'addr: the registered address (front).',
      gender: 'gender: 男 or 女 (front).',
      nationality: 'nationality: the ethnic group, e.g. 汉 (front).',
      validDate: 'valid_date: the validity period "YYYYMMDD-YYYYMMDD" (back).',
      birthDate: 'birth: the birth date; real answers carry it although the docs do not (front).',
    }),
    cardProperty: t.int({
      nullable: true,
      description: 'card_property: an undocumented number real answers carry (4 in the one captured); passed through as sent.',
      resolve: (card) => card.cardProperty ?? null,
    }),
  }),
});

const PrintedTextLine = builder.objectRef<OcrResult<'printedText'>['items'][number]>('PrintedTextLine').implement({
  description: `One line of text found in the image.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The text of the line.' }),
    position: t.field({ type: OcrQuad, nullable: true, description: 'pos: where the line is.', resolve: (line) => line.position ?? null }),
  }),
});

const PrintedTextOcr = builder.objectRef<OcrResult<'printedText'>>('PrintedTextOcr').implement({
  description: `Printed text read by cv/ocr/comm, line by line with positions.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    lines: t.field({ type: [PrintedTextLine], description: 'items: one entry per detected line.', resolve: (r) => r.items }),
    imageSize: t.field({ type: OcrImageSize, nullable: true, description: 'img_size: the image size.', resolve: (r) => r.imageSize ?? null }),
  }),
});

const VehicleLicenseOcr = builder.objectRef<OcrResult<'vehicleLicense'>>('VehicleLicenseOcr').implement({
  description: `A vehicle licence (行驶证) read by cv/ocr/driving. All values are strings as printed ("7人", "2700kg").`,
  authScopes: OCR_READ,
  fields: (t) => ({
    ...stringFields(t, {
      plateNumber: 'plate_num: the plate number.',
      vehicleType: 'vehicle_type (older answers spell it vhicle_type; both are read). May end in U+2ECB ⻋ rather than 车.',
      owner: 'owner: the registered owner.',
      address: 'addr: the owner\'s address.',
      useCharacter: 'use_character: use (非营运...).',
      model: 'model: brand and model.',
      vin: 'vin: the vehicle identification number.',
      engineNumber: 'engine_num: the engine number.',
      registerDate: 'register_date: YYYY-MM-DD.',
      issueDate: 'issue_date: YYYY-MM-DD.',
      plateNumberBack: 'plate_num_b: the plate number on the back page.',
      record: 'record: the file number (档案编号).',
      passengers: 'passengers_num: approved passengers, as printed ("7人").',
      totalMass: 'total_quality: gross mass, as printed ("2700kg").',
      kerbMass: 'prepare_quality: kerb mass, as printed ("1995kg").',
      overallSize: 'overall_size: length x width x height, as printed.',
    }),
    cardPositionFront: t.field({ type: OcrQuad, nullable: true, description: 'card_position_front: only when the front page was found.', resolve: (v) => v.cardPositionFront ?? null }),
    cardPositionBack: t.field({ type: OcrQuad, nullable: true, description: 'card_position_back: only when the back page was found.', resolve: (v) => v.cardPositionBack ?? null }),
    imageSize: t.field({ type: OcrImageSize, nullable: true, description: 'img_size: the image size.', resolve: (v) => v.imageSize ?? null }),
  }),
});

const PlateNumberOcr = builder.objectRef<OcrResult<'plateNumber'>>('PlateNumberOcr').implement({
  description: `A licence plate read by cv/ocr/platenum.`,
  authScopes: OCR_READ,
  fields: (t) => ({
    number: t.string({ nullable: true, description: 'number: the plate, e.g. 粤A123456.', resolve: (p) => p.number ?? null }),
  }),
});

const RESULT_TYPES = {
  bankCard: [BankCardOcr, 'ocrBankCard', 'Reads a bank card number (cv/ocr/bankcard).'],
  businessLicense: [BusinessLicenseOcr, 'ocrBusinessLicense', 'Reads a business licence (cv/ocr/bizlicense).'],
  driverLicense: [DriverLicenseOcr, 'ocrDriverLicense', "Reads a driver's licence, 驾驶证 (cv/ocr/drivinglicense)."],
  idCard: [IdCardOcr, 'ocrIdCard', 'Reads either side of a Chinese identity card (cv/ocr/idcard).'],
  printedText: [PrintedTextOcr, 'ocrPrintedText', 'Reads printed text line by line with positions (cv/ocr/comm).'],
  vehicleLicense: [VehicleLicenseOcr, 'ocrVehicleLicense', 'Reads a vehicle licence, 行驶证 (cv/ocr/driving).'],
  plateNumber: [PlateNumberOcr, 'ocrPlateNumber', 'Reads a licence plate (cv/ocr/platenum).'],
} as const;

for (const [kind, [type, field, summary]] of Object.entries(RESULT_TYPES) as [OcrKind, (typeof RESULT_TYPES)[OcrKind]][]) {
  builder.queryField(field, (t) =>
    t.field({
      type: type as never,
      description: `${summary} Give the image as a multipart upload (PNG or JPEG by content, at most 2 MB) or as imageUrl (http or https, which WeChat downloads); both are checked before WeChat is called. Never cached. Counts against the app's OCR quota (errcode 101002/101003 → QUOTA_EXHAUSTED); an image URL WeChat cannot fetch is BAD_USER_INPUT (101000).`,
      authScopes: OCR_READ,
      args: {
        ...appArg(),
        image: t.arg({ type: 'File', required: false, description: 'The image, as a GraphQL multipart upload.' }),
        imageUrl: t.arg.string({ required: false, description: 'Or the http(s) URL WeChat downloads the image from (sent as img_url).' }),
        mode: t.arg({ type: OcrMode, required: false, description: 'PHOTO (default) or SCAN.' }),
      },
      resolve: (_root, args, ctx) =>
        ctx.services.ocr.recognize(ctx.wechat(args.app), kind, { image: args.image, imageUrl: args.imageUrl, mode: args.mode }, ctx.signal) as never,
    }),
  );
}
