/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a visit distribution counts (its `index`). */
export type AnalyticsDistributionIndex =
  /** Visits by how many pages they saw (`access_depth_info`). */
  | 'DEPTH'
  /** Openings by source (`access_source_session_cnt`). */
  | 'SOURCE_SESSIONS'
  /** Visitors by source (`access_source_visit_uv`): sent by WeChat though not in its docs; keyed like SOURCE_SESSIONS. */
  | 'SOURCE_VISITORS'
  /** Visits by how long they lasted (`access_staytime_info`). */
  | 'STAY_TIME'
  /** An index this gateway does not know yet; see `rawIndex`. */
  | 'UNKNOWN';

/** How users followed an Official Account (`user_source` of datacube/getusersummary, as documented). */
export type AnalyticsFollowSource =
  /** WeChat key 51 (支付后关注). */
  | 'AFTER_PAYMENT'
  /** WeChat key 57 (文章内账号名称). */
  | 'ARTICLE_ACCOUNT_NAME'
  /** WeChat key 200 (视频号). */
  | 'CHANNELS'
  /** WeChat key 201 (直播). */
  | 'LIVE'
  /** WeChat key 149 (小程序关注). */
  | 'MINI_PROGRAM'
  /** WeChat key 0 (其他合计). */
  | 'OTHER'
  /** WeChat key 17 (名片分享). */
  | 'PROFILE_CARD_SHARE'
  /** WeChat key 161 (他人转载). */
  | 'REPRINT'
  /** WeChat key 30 (扫描二维码). */
  | 'SCAN_QR_CODE'
  /** WeChat key 1 (公众号搜索). */
  | 'SEARCH'
  /** A key WeChat does not document; see the numeric key. */
  | 'UNDOCUMENTED'
  /** WeChat key 100 (微信广告). */
  | 'WECHAT_ADS';

/** How many days a user portrait covers, ending on its end date. */
export type AnalyticsPortraitSpan =
  /** The end date only. */
  | 'ONE_DAY'
  /** The 7 days ending on the end date. */
  | 'SEVEN_DAYS'
  /** The 30 days ending on the end date. */
  | 'THIRTY_DAYS';

/** How long a visit lasted (keys of access_staytime_info). */
export type AnalyticsStayTimeRange =
  /** WeChat key 8 (>100s). */
  | 'OVER_100_SECONDS'
  /** WeChat key 1 (0-2s). */
  | 'SECONDS_0_2'
  /** WeChat key 2 (3-5s). */
  | 'SECONDS_3_5'
  /** WeChat key 3 (6-10s). */
  | 'SECONDS_6_10'
  /** WeChat key 4 (11-20s). */
  | 'SECONDS_11_20'
  /** WeChat key 5 (20-30s). */
  | 'SECONDS_20_30'
  /** WeChat key 6 (30-50s). */
  | 'SECONDS_30_50'
  /** WeChat key 7 (50-100s). */
  | 'SECONDS_50_100'
  /** A key WeChat does not document; see the numeric key. */
  | 'UNDOCUMENTED';

/** How many pages a visit saw (keys of access_depth_info). */
export type AnalyticsVisitDepthRange =
  /** WeChat key 7 (>10 页). */
  | 'OVER_10_PAGES'
  /** WeChat key 1 (1 页). */
  | 'PAGES_1'
  /** WeChat key 2 (2 页). */
  | 'PAGES_2'
  /** WeChat key 3 (3 页). */
  | 'PAGES_3'
  /** WeChat key 4 (4 页). */
  | 'PAGES_4'
  /** WeChat key 5 (5 页). */
  | 'PAGES_5'
  /** WeChat key 6 (6-10 页). */
  | 'PAGES_6_10'
  /** A key WeChat does not document; see the numeric key. */
  | 'UNDOCUMENTED';

/** Where visits came from (keys of the access_source_* distributions, as documented by WeChat). */
export type AnalyticsVisitSource =
  /** WeChat key 17 (相册选取二维码). */
  | 'ALBUM_QR_CODE'
  /** WeChat key 14 (APP分享). */
  | 'APP_SHARE'
  /** WeChat key 23 (其他小程序返回). */
  | 'BACK_FROM_OTHER_MINI_PROGRAM'
  /** WeChat key 30 (长按小程序菜单圆点). */
  | 'CAPSULE_MENU_LONG_PRESS'
  /** WeChat key 20 (卡包). */
  | 'CARD_PACKAGE'
  /** WeChat key 24 (卡券适用门店列表). */
  | 'CARD_STORE_LIST'
  /** WeChat key 3 (会话). */
  | 'CHAT'
  /** WeChat key 6 (聊天顶部). */
  | 'CHAT_TOP'
  /** WeChat key 32 (城市服务). */
  | 'CITY_SERVICES'
  /** WeChat key 12 (客服消息). */
  | 'CUSTOMER_SERVICE_MESSAGE'
  /** WeChat key 35 (发现入口-我的小程序). */
  | 'DISCOVER_MY_MINI_PROGRAMS'
  /** WeChat key 1 (小程序历史列表). */
  | 'HISTORY_LIST'
  /** WeChat key 7 (系统桌面). */
  | 'HOME_SCREEN'
  /** WeChat key 21 (小程序内卡券). */
  | 'IN_APP_CARD'
  /** WeChat key 16 (长按识别二维码). */
  | 'LONG_PRESS_QR_CODE'
  /** WeChat key 26 (小程序客服消息). */
  | 'MINI_PROGRAM_CUSTOMER_SERVICE_MESSAGE'
  /** WeChat key 8 (小程序主页). */
  | 'MINI_PROGRAM_PROFILE'
  /** WeChat key 9 (附近的小程序). */
  | 'NEARBY_MINI_PROGRAMS'
  /** WeChat key 18 (公众号文章). */
  | 'OFFICIAL_ACCOUNT_ARTICLE'
  /** WeChat key 13 (公众号菜单). */
  | 'OFFICIAL_ACCOUNT_MENU'
  /** WeChat key 5 (公众号主页). */
  | 'OFFICIAL_ACCOUNT_PROFILE'
  /** WeChat key 27 (公众号下发). */
  | 'OFFICIAL_ACCOUNT_PUSH'
  /** WeChat key 10 (其他). */
  | 'OTHER'
  /** WeChat key 22 (其他小程序). */
  | 'OTHER_MINI_PROGRAM'
  /** WeChat key 34 (其他移动应用). */
  | 'OTHER_MOBILE_APP'
  /** WeChat key 15 (支付完成页). */
  | 'PAYMENT_COMPLETED_PAGE'
  /** WeChat key 4 (扫一扫二维码). */
  | 'SCAN_QR_CODE'
  /** WeChat key 2 (搜索). */
  | 'SEARCH'
  /** WeChat key 25 (搜索框快捷入口). */
  | 'SEARCH_SHORTCUT'
  /** WeChat key 36 (任务栏-我的小程序). */
  | 'TASKBAR_MY_MINI_PROGRAMS'
  /** WeChat key 29 (任务栏-最近使用). */
  | 'TASKBAR_RECENT'
  /** WeChat key 11 (模板消息). */
  | 'TEMPLATE_MESSAGE'
  /** A key WeChat does not document; see the numeric key. */
  | 'UNDOCUMENTED'
  /** WeChat key 19 (钱包). */
  | 'WALLET'
  /** WeChat key 33 (微信广告). */
  | 'WECHAT_ADS'
  /** WeChat key 31 (连wifi成功页). */
  | 'WIFI_CONNECTED_PAGE';

/** What sort of WeChat account an app is. */
export type AppKind =
  /** A Mini Program. */
  | 'MINIPROGRAM'
  /** An Official Account. */
  | 'OFFICIAL_ACCOUNT';

/** WeChat's category for checked content (its numeric label in labelCode). */
export type ContentCheckLabel =
  /** Abuse or insults. */
  | 'ABUSE'
  /** Advertising. */
  | 'ADVERTISING'
  /** Copyright infringement. */
  | 'COPYRIGHT'
  /** Fraud. */
  | 'FRAUD'
  /** Illegal or criminal acts. */
  | 'ILLEGAL'
  /** Normal content. */
  | 'NORMAL'
  /** Other (21000), and any label code WeChat adds later: see labelCode. */
  | 'OTHER'
  /** Politically sensitive. */
  | 'POLITICS'
  /** Pornography. */
  | 'PORNOGRAPHY'
  /** Vulgar content. */
  | 'VULGAR';

/** Where the content will appear; WeChat weighs its rules by scene. */
export type ContentCheckScene =
  /** A comment. */
  | 'COMMENT'
  /** A forum post. */
  | 'FORUM'
  /** Profile data (nickname, signature...). */
  | 'PROFILE'
  /** A social log or diary entry. */
  | 'SOCIAL_LOG';

/** WeChat's advice on checked content. */
export type ContentCheckSuggest =
  /** Nothing found: publish it. */
  | 'PASS'
  /** Possibly problematic: have a person look before publishing. */
  | 'REVIEW'
  /** Problematic: do not publish. */
  | 'RISKY';

/** A parametric QR code of an Official Account (cgi-bin/qrcode/create): a scene (sceneId or sceneStr, exactly one) that WeChat pushes back in SubscribeEvent / ScanEvent when a user scans it. Checked before WeChat is called. */
export type CreateOfficialAccountQrCodeInput = {
  /** Temporary codes only: lifetime in seconds, 60..2592000 (30 days). Default 2592000. */
  expireSeconds?: number | null | undefined;
  /** true: a permanent code (QR_LIMIT_SCENE / QR_LIMIT_STR_SCENE), one of 100 000 per account for ever; the same scene returns the stored code with no WeChat call. false: a temporary code (QR_SCENE / QR_STR_SCENE) that lives expireSeconds. */
  permanent: boolean;
  /** A number scene: temporary codes any non-zero 32-bit integer, permanent codes 1..100000. */
  sceneId?: number | null | undefined;
  /** A string scene of 1..64 characters. */
  sceneStr?: string | null | undefined;
};

/** What to draw. UNLIMITED takes scene (+ page); LIMITED and LEGACY take path. Everything is checked before WeChat is called. */
export type CreateQrCodeInput = {
  /** Not LEGACY: let WeChat pick the line colour (default false). */
  autoColor?: boolean | null | undefined;
  /** UNLIMITED only: whether WeChat checks that page exists in the released version (default true; errcode 41030 otherwise). */
  checkPath?: boolean | null | undefined;
  /** UNLIMITED and LIMITED: which build the code opens (default RELEASE). */
  envVersion?: MiniProgramEnvVersion | null | undefined;
  /** Not LEGACY: transparent background (default false). */
  isHyaline?: boolean | null | undefined;
  /** Which WeChat API draws the code. */
  kind: QrCodeKind;
  /** Not LEGACY: the line colour when autoColor is false (default black). */
  lineColor?: QrCodeLineColorInput | null | undefined;
  /** UNLIMITED only: the page to open, without a leading "/" and without query, e.g. pages/index/index. Default: the home page. */
  page?: string | null | undefined;
  /** LIMITED and LEGACY, required: page with optional query, at most 128 bytes, without a leading "/", e.g. pages/product/detail?id=7. */
  path?: string | null | undefined;
  /** UNLIMITED only, required: up to 32 characters of 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~, read by the page as options.scene. */
  scene?: string | null | undefined;
  /** Width in pixels, 280..1280 (default 430). */
  width?: number | null | undefined;
};

/** An image: a media id from an earlier upload, or a file to upload now (cgi-bin/media/upload). Exactly one. */
export type CustomerServiceImageInput =
  {   /** A PNG, JPEG or GIF up to 10 MB, sent as a multipart upload. */
  file: unknown; mediaId?: never; }
  |  { file?: never;   /** A temporary media id (valid 3 days after upload). */
  mediaId: string; };

/** A link card (mini programs only). */
export type CustomerServiceLinkInput = {
  /** Card text. */
  description: string;
  /** Picture shown on the card (http or https). */
  thumbUrl: string;
  /** Card title. */
  title: string;
  /** Where the card leads (http or https). */
  url: string;
};

/** A customer-service message: exactly one of text, image, link or mini-program card. */
export type CustomerServiceMessageInput =
  {   /** An image. */
  image: CustomerServiceImageInput; link?: never; miniProgramPage?: never; text?: never; }
  |  { image?: never;   /** A link card (mini programs only). */
  link: CustomerServiceLinkInput; miniProgramPage?: never; text?: never; }
  |  { image?: never; link?: never;   /** A mini-program card. */
  miniProgramPage: CustomerServiceMiniProgramPageInput; text?: never; }
  |  { image?: never; link?: never; miniProgramPage?: never;   /** Plain text (may contain <a href> links). */
  text: string; };

/** A mini-program card. */
export type CustomerServiceMiniProgramPageInput = {
  /** AppID of the mini program to open; required when an official account sends the card. */
  appId?: string | null | undefined;
  /** The page the card opens, e.g. "pages/index/index?id=1". */
  pagePath: string;
  /** The card picture (WeChat suggests 520x416). */
  thumbnail: CustomerServiceImageInput;
  /** Card title. */
  title: string;
};

/** A step of a parcel's track (action_type of path/get and of the add_express_path push). */
export type ExpressActionType =
  /** The order was cancelled. */
  | 'CANCELLED'
  /** A courier was assigned. */
  | 'COURIER_ASSIGNED'
  /** Signed for. */
  | 'DELIVERED'
  /** Signing failed. */
  | 'DELIVERY_FAILED'
  /** Held (滞留). */
  | 'HELD'
  /** In transit. */
  | 'IN_TRANSIT'
  /** A code WeChat has not documented: see typeCode. */
  | 'OTHER'
  /** Out for delivery. */
  | 'OUT_FOR_DELIVERY'
  /** Picked up by the courier (揽件成功). */
  | 'PICKED_UP'
  /** Pick-up failed. */
  | 'PICKUP_FAILED';

/** A Short Link to a page. Checked before WeChat is called. */
export type GenerateShortLinkInput = {
  /** Title shown with the link; WeChat shortens titles over 20 characters. */
  pageTitle?: string | null | undefined;
  /** A page of the released mini program with optional query, at most 1024 characters, e.g. pages/product/detail?id=7. */
  pageUrl: string;
  /** A link that never expires; WeChat allows 100 000 per app for ever (errcode 85400). Default false: the link lives 30 days. */
  permanent?: boolean | null | undefined;
};

/** Where the Url Link opens the mini program and when it stops working (at most 30 days: WeChat no longer issues permanent ones). Checked before WeChat is called. */
export type GenerateUrlLinkInput = {
  /** Which build it opens when used outside WeChat (default RELEASE). */
  envVersion?: MiniProgramEnvVersion | null | undefined;
  /** Stops working at this time: at least 1 minute and at most 30 days from now. Give this or expireInDays (default 30 days). */
  expireAt?: string | null | undefined;
  /** Stops working this many days after it is generated, 1..30. Give this or expireAt (default 30). */
  expireInDays?: number | null | undefined;
  /** A page of the released mini program, without query (e.g. pages/product/detail). Default: the home page. */
  path?: string | null | undefined;
  /** Query the page receives, at most 1024 characters of 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~%. */
  query?: string | null | undefined;
};

/** Where the Url Scheme opens the mini program and when it stops working (at most 30 days: WeChat no longer issues permanent ones). Checked before WeChat is called. */
export type GenerateUrlSchemeInput = {
  /** Which build it opens when used outside WeChat (default RELEASE). */
  envVersion?: MiniProgramEnvVersion | null | undefined;
  /** Stops working at this time: at least 1 minute and at most 30 days from now. Give this or expireInDays (default 30 days). */
  expireAt?: string | null | undefined;
  /** Stops working this many days after it is generated, 1..30. Give this or expireAt (default 30). */
  expireInDays?: number | null | undefined;
  /** A page of the released mini program, without query (e.g. pages/product/detail). Default: the home page. */
  path?: string | null | undefined;
  /** Query the page receives, at most 1024 characters of 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~%. */
  query?: string | null | undefined;
};

/** Which side of a Chinese resident identity card was read (type Front/Back in the answer). */
export type IdCardSide =
  /** The side with the issuing authority: validity period. */
  | 'BACK'
  /** The side with the photo: name, number, address, gender, ethnicity. */
  | 'FRONT';

/** A cancellation. */
export type LocalDeliveryCancelInput = {
  /** cancel_reason: required with 6. */
  cancelReason?: string | null | undefined;
  /** cancel_reason_id: 1 not needed, 2 price, 3 wrong data, 4 rider late to pick up, 5 rider late to deliver, 6 other. */
  cancelReasonId: number;
  /** delivery_id. */
  deliveryId: string;
  /** shopid. */
  shopId: string;
  /** shop_no. */
  shopNo?: string | null | undefined;
  /** shop_order_id. */
  shopOrderId: string;
  /** waybill_id. */
  waybillId: string;
};

/** What is delivered. */
export type LocalDeliveryCargoInput = {
  /** cargo_first_class, e.g. 美食夜宵. */
  cargoFirstClass: string;
  /** cargo_second_class, e.g. 零食小吃. */
  cargoSecondClass: string;
  /** goods_detail.goods. */
  goods?: Array<LocalDeliveryGoodInput> | null | undefined;
  /** goods_height, cm. */
  goodsHeight?: number | null | undefined;
  /** goods_length, cm. */
  goodsLength?: number | null | undefined;
  /** goods_value in yuan (at most 5000). */
  goodsValue: number;
  /** goods_weight in kg (at most 50). */
  goodsWeight: number;
  /** goods_width, cm. */
  goodsWidth?: number | null | undefined;
};

/** One product. */
export type LocalDeliveryGoodInput = {
  /** good_count. */
  goodCount: number;
  /** good_name. */
  goodName: string;
  /** good_price, yuan. */
  goodPrice?: number | null | undefined;
  /** good_unit. */
  goodUnit?: string | null | undefined;
};

/** Order details. */
export type LocalDeliveryOrderInfoInput = {
  /** declared_value, yuan. */
  declaredValue?: number | null | undefined;
  /** delivery_service_code. */
  deliveryServiceCode?: string | null | undefined;
  /** expected_delivery_time, unix seconds (scheduled orders). */
  expectedDeliveryTime?: number | null | undefined;
  /** is_direct_delivery. */
  isDirectDelivery?: boolean | null | undefined;
  /** is_finish_code_needed. */
  isFinishCodeNeeded?: boolean | null | undefined;
  /** is_insured. */
  isInsured?: boolean | null | undefined;
  /** is_pickup_code_needed. */
  isPickupCodeNeeded?: boolean | null | undefined;
  /** note for the rider. */
  note?: string | null | undefined;
  /** order_time, unix seconds (now by default). */
  orderTime?: number | null | undefined;
  /** order_type: 0 now (default), 1 scheduled. */
  orderType?: number | null | undefined;
  /** poi_seq: the shop's pickup number. */
  poiSeq?: string | null | undefined;
  /** tips, yuan. */
  tips?: number | null | undefined;
};

/** An immediate-delivery order (order/pre_add, order/add). Checked before WeChat is called; delivery_sign is added by the gateway. */
export type LocalDeliveryOrderInput = {
  /** cargo. */
  cargo: LocalDeliveryCargoInput;
  /** delivery_id of the courier. */
  deliveryId: string;
  /** delivery_token from the quote (达达). */
  deliveryToken?: string | null | undefined;
  /** openid of the buyer. */
  openid: string;
  /** order_info. */
  orderInfo: LocalDeliveryOrderInfoInput;
  /** receiver. */
  receiver: LocalDeliveryPlaceInput;
  /** sender. */
  sender: LocalDeliveryPlaceInput;
  /** shop. */
  shop: LocalDeliveryShopCardInput;
  /** shopid: your shop id with the courier. */
  shopId: string;
  /** shop_no: the branch. */
  shopNo?: string | null | undefined;
  /** shop_order_id: your order id. Adding it again returns the first result without a call. */
  shopOrderId: string;
  /** sub_biz_id. */
  subBizId?: string | null | undefined;
};

/** Which order. */
export type LocalDeliveryOrderRefInput = {
  /** shopid. */
  shopId: string;
  /** shop_no. */
  shopNo?: string | null | undefined;
  /** shop_order_id. */
  shopOrderId: string;
};

/** Sender (the shop) or receiver. */
export type LocalDeliveryPlaceInput = {
  /** address (street, building). */
  address: string;
  /** address_detail (floor, room). */
  addressDetail: string;
  /** city, e.g. 北京市. */
  city: string;
  /** coordinate_type: 0 GCJ-02 (default), 1 Baidu. */
  coordinateType?: number | null | undefined;
  /** lat: latitude. */
  lat: number;
  /** lng: longitude. */
  lng: number;
  /** name. */
  name: string;
  /** phone. */
  phone: string;
};

/** What the buyer sees in WeChat. */
export type LocalDeliveryShopCardInput = {
  /** goods_count. */
  goodsCount: number;
  /** goods_name. */
  goodsName: string;
  /** img_url (http or https). */
  imgUrl: string;
  /** wxa_path. */
  wxaPath: string;
};

/** Tips for an order still waiting for a rider. */
export type LocalDeliveryTipsInput = {
  /** remark. */
  remark?: string | null | undefined;
  /** shopid. */
  shopId: string;
  /** shop_no. */
  shopNo?: string | null | undefined;
  /** shop_order_id. */
  shopOrderId: string;
  /** The new TOTAL tip in yuan (WeChat: absolute, not an increment; must grow). */
  tips: number;
  /** waybill_id. */
  waybillId: string;
};

/** The parcel. */
export type LogisticsCargoInput = {
  /** count: number of packages. */
  count: number;
  /** detail_list: at least one item. */
  detailList: Array<LogisticsCargoItemInput>;
  /** space_x: length in cm. */
  spaceX: number;
  /** space_y: width in cm. */
  spaceY: number;
  /** space_z: height in cm. */
  spaceZ: number;
  /** weight in kg. */
  weight: number;
};

/** One kind of goods in the parcel. */
export type LogisticsCargoItemInput = {
  /** count, at least 1. */
  count: number;
  /** name, at most 128 bytes. */
  name: string;
};

/** Sender or receiver. Limits are UTF-8 bytes (a Chinese character counts 3). */
export type LogisticsContactInput = {
  /** address (street and number), at most 512 bytes. */
  address: string;
  /** area (district), at most 64 bytes. */
  area: string;
  /** city, at most 64 bytes. */
  city: string;
  /** company, at most 64 bytes. */
  company?: string | null | undefined;
  /** country, at most 64 bytes. */
  country?: string | null | undefined;
  /** mobile, at most 32 bytes; tel or mobile is required. */
  mobile?: string | null | undefined;
  /** name, at most 64 bytes. */
  name: string;
  /** post_code, at most 10 bytes. */
  postCode?: string | null | undefined;
  /** province, at most 64 bytes. */
  province: string;
  /** tel (landline), at most 32 bytes; tel or mobile is required. */
  tel?: string | null | undefined;
};

/** Insurance. */
export type LogisticsInsuredInput = {
  /** insured_value in fen (分), above 0 when insured. */
  insuredValue: number;
  /** use_insured. */
  useInsured: boolean;
};

/** A parcel to ship through the logistics assistant (order/add). Every field is checked before WeChat is called. */
export type LogisticsOrderInput = {
  /** add_source: 0 = an order of this mini program (openid required), 2 = an app order (wxAppid required). */
  addSource: number;
  /** biz_id: your account with the courier. */
  bizId: string;
  /** cargo. */
  cargo: LogisticsCargoInput;
  /** custom_remark printed on the label, at most 1024 bytes. */
  customRemark?: string | null | undefined;
  /** delivery_id of the courier. */
  deliveryId: string;
  /** expect_time: expected pick-up, unix seconds. Some couriers require it (SF scheduled pick-up); they refuse the order without it. */
  expectTime?: number | null | undefined;
  /** insured. */
  insured: LogisticsInsuredInput;
  /** openid of the buyer, with addSource 0. */
  openid?: string | null | undefined;
  /** order_id: your unique order id, at most 512 bytes. Adding the same orderId again returns the first result without calling WeChat. */
  orderId: string;
  /** receiver. */
  receiver: LogisticsContactInput;
  /** sender. */
  sender: LogisticsContactInput;
  /** service. */
  service: LogisticsServiceInput;
  /** shop: the tracking-page card. */
  shop: LogisticsShopInput;
  /** tagid: your own order tag. */
  tagid?: number | null | undefined;
  /** take_mode: 0 = the courier picks up (default), 1 = dropped at a point. */
  takeMode?: number | null | undefined;
  /** wx_appid: the app the order belongs to, with addSource 2. */
  wxAppid?: string | null | undefined;
};

/** Which order. */
export type LogisticsOrderRefInput = {
  /** delivery_id. */
  deliveryId: string;
  /** openid of the buyer. */
  openid?: string | null | undefined;
  /** order_id. */
  orderId: string;
  /** waybill_id. */
  waybillId: string;
};

/** The courier service (from logisticsCarriers / logisticsAccounts). */
export type LogisticsServiceInput = {
  /** service_name. */
  serviceName: string;
  /** service_type id. */
  serviceType: number;
};

/** What the buyer sees on the tracking page in WeChat. */
export type LogisticsShopInput = {
  /** detail_list: the products, for several. */
  detailList?: Array<LogisticsShopItemInput> | null | undefined;
  /** goods_count. */
  goodsCount: number;
  /** goods_name, at most 128 bytes. */
  goodsName: string;
  /** img_url: a product image (http or https). */
  imgUrl: string;
  /** wxa_path: the mini-program page of the order. */
  wxaPath: string;
};

/** A product shown on the buyer's tracking page. */
export type LogisticsShopItemInput = {
  /** goods_desc, at most 128 bytes. */
  goodsDesc?: string | null | undefined;
  /** goods_img_url (http or https). */
  goodsImgUrl: string;
  /** goods_name, at most 128 bytes. */
  goodsName: string;
};

/** Media, by URL, for an asynchronous check. */
export type MediaCheckInput = {
  /** Audio or image. */
  mediaType: MediaCheckType;
  /** Where WeChat downloads the media from (http or https). */
  mediaUrl: string;
  /** OpenID of the user who posted it; they must have opened the mini program in the last 2 hours. */
  openid: string;
  /** Where the media will appear. */
  scene: ContentCheckScene;
};

/** What kind of media an asynchronous check looks at. */
export type MediaCheckType =
  /** An audio file. */
  | 'AUDIO'
  /** An image. */
  | 'IMAGE';

/** Which build of the mini program a code or link opens. */
export type MiniProgramEnvVersion =
  /** The development version. */
  | 'DEVELOP'
  /** The published version (default). */
  | 'RELEASE'
  /** The trial (体验版) version. */
  | 'TRIAL';

/** A mini program the message opens (it must be linked to the Official Account). WeChat prefers it over url. */
export type MiniProgramJumpInput = {
  /** AppID of the mini program. */
  appId: string;
  /** The page with its query, e.g. "pages/order/detail?id=1"; the home page when left out. */
  pagePath?: string | null | undefined;
};

/** How the image was taken (the `type` query parameter of cv/ocr/*). */
export type OcrMode =
  /** A camera photo (the default). */
  | 'PHOTO'
  /** A scanned document. */
  | 'SCAN';

/** How a user came to follow the Official Account (`subscribe_scene`). */
export type OfficialAccountSubscribeScene =
  /** Moved over when the account was migrated. */
  | 'ACCOUNT_MIGRATION'
  /** From WeChat Channels. */
  | 'CHANNELS'
  /** From a Channels live stream. */
  | 'LIVESTREAM'
  /** Any other way, including scenes WeChat added after this gateway was written. */
  | 'OTHERS'
  /** Followed after paying. */
  | 'PAID'
  /** From a shared card of the account's profile. */
  | 'PROFILE_CARD'
  /** From the menu at the top right of an article. */
  | 'PROFILE_ITEM'
  /** Tapped the account's name in an article. */
  | 'PROFILE_LINK'
  /** Scanned a QR code (see qrScene / qrSceneStr). */
  | 'QR_CODE'
  /** From an article another account reposted. */
  | 'REPRINT'
  /** Searched for the account. */
  | 'SEARCH'
  /** From a WeChat advertisement. */
  | 'WECHAT_ADVERTISEMENT';

/** Sex as the user set it in WeChat. */
export type OfficialAccountUserSex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE';

/** The three WeChat mini-program code APIs. */
export type QrCodeKind =
  /** cgi-bin/wxaapp/createwxaqrcode: a square QR code for a path; shares the 100 000 with LIMITED. Kept for ever. */
  | 'LEGACY'
  /** wxa/getwxacode: a round code for a path with query; counts against 100 000 per app for ever (shared with LEGACY). Kept for ever. */
  | 'LIMITED'
  /** wxa/getwxacodeunlimit: a round mini-program code with a scene (<= 32 characters); no count limit. Reused for QRCODE_UNLIMITED_CACHE_SECONDS. */
  | 'UNLIMITED';

/** An RGB colour for the code lines; each channel 0..255. */
export type QrCodeLineColorInput = {
  /** Blue, 0..255. */
  b: number;
  /** Green, 0..255. */
  g: number;
  /** Red, 0..255. */
  r: number;
};

/** Level of a realtime log message, as written with wx.getRealtimeLogManager() in the mini program. */
export type RealtimeLogLevel =
  /** Error (`error()`; WeChat level 8). */
  | 'ERROR'
  /** Info (`info()`; WeChat level 2). */
  | 'INFO'
  /** Warning (`warn()`; WeChat level 4). */
  | 'WARN';

/** The phone platform a realtime log came from (WeChat `platform`). */
export type RealtimeLogPlatform =
  /** Android (`platform` 1). */
  | 'ANDROID'
  /** iOS (`platform` 2). */
  | 'IOS'
  /** A value WeChat does not document; see platformCode. */
  | 'OTHER';

/** Where tokens are shared between gateway instances. */
export type SharedStoreState =
  /** Redis is unreachable: this instance serves from its own cache. */
  | 'DEGRADED'
  /** No Redis configured: one instance only. */
  | 'MEMORY'
  /** Redis answers: every instance shares one token. */
  | 'OK';

/** The value of one template keyword. */
export type SubscribeMessageDataEntry = {
  /** The keyword key, e.g. "thing1" (see SubscribeMessageTemplate.keywords). */
  key: string;
  /** The value, within the keyword type's rules (e.g. thing: at most 20 characters). */
  value: string;
};

/** A subscribe message: a template filled in, sent to a user who accepted it. */
export type SubscribeMessageInput = {
  /** A value for every keyword of the template. */
  data: Array<SubscribeMessageDataEntry>;
  /** Language of the message frame. */
  lang?: SubscribeMessageLang | null | undefined;
  /** Which version of the mini program the page opens in. */
  miniprogramState?: SubscribeMessageMiniprogramState | null | undefined;
  /** The mini-program page the message opens, e.g. "pages/order/detail?id=1"; none by default. */
  page?: string | null | undefined;
  /** The template id (priTmplId). */
  templateId: string;
};

/** Language of the message frame WeChat draws around the template. */
export type SubscribeMessageLang =
  /** English. */
  | 'EN_US'
  /** Simplified Chinese (default). */
  | 'ZH_CN'
  /** Traditional Chinese (Hong Kong). */
  | 'ZH_HK'
  /** Traditional Chinese (Taiwan). */
  | 'ZH_TW';

/** Which version of the mini program the message opens. */
export type SubscribeMessageMiniprogramState =
  /** The development version. */
  | 'DEVELOPER'
  /** The released version (default). */
  | 'FORMAL'
  /** The trial version. */
  | 'TRIAL';

/** How a user subscribes to a template. */
export type SubscribeTemplateKind =
  /** One acceptance allows messages until the user withdraws it. */
  | 'LONG_TERM'
  /** Each acceptance allows one message. */
  | 'ONE_TIME'
  /** A type code WeChat has not documented (see typeCode). */
  | 'UNKNOWN';

/** The value of one keyword of a subscription-notification template. */
export type SubscriptionNotificationDataEntry = {
  /** The keyword key, e.g. "thing8" or "time7". */
  key: string;
  /** The value, within the keyword type's rules (thing: at most 20 characters...). */
  value: string;
};

/** The value of one placeholder of a template message. */
export type TemplateMessageDataEntry = {
  /** #RRGGBB. WeChat ignores colours since 2023-05-04; giving one adds a warning to the result. */
  color?: string | null | undefined;
  /** The placeholder name, e.g. "thing2" or "keyword1" (see OfficialAccountTemplate.placeholders). `first` and `remark` are refused: WeChat has not shown them since 2023-05-04. */
  key: string;
  /** The value: one line of at most 20 characters (WeChat cuts longer values since 2023-05, so they are refused). */
  value: string;
};

/** How a template message ended (TEMPLATESENDJOBFINISH Status). */
export type TemplateSendStatus =
  /** A status WeChat has not documented (see statusText). */
  | 'OTHER'
  /** `success`: delivered. */
  | 'SUCCESS'
  /** `failed: system failed`: WeChat failed to deliver. */
  | 'SYSTEM_FAILED'
  /** `failed:user block`: the user refuses messages from the account. */
  | 'USER_BLOCK';

/** A text to check, with the user who wrote it. */
export type TextCheckInput = {
  /** The text, up to 2500 characters. */
  content: string;
  /** The author's nickname, if shown with the text. */
  nickname?: string | null | undefined;
  /** OpenID of the author, who must have opened the mini program in the last 2 hours. Required with an API key; a signed-in user leaves it out (the session says who they are). */
  openid?: string | null | undefined;
  /** Where the text will appear. */
  scene: ContentCheckScene;
  /** The author's profile signature; only with scene PROFILE. */
  signature?: string | null | undefined;
  /** The title that goes with the text, if any. */
  title?: string | null | undefined;
};

/** Which WeChat endpoint issues the tokens. */
export type TokenSource =
  /** cgi-bin/token: each refresh kills the previous token at once. */
  | 'CLASSIC'
  /** cgi-bin/stable_token: never invalidates tokens held elsewhere. */
  | 'STABLE';

/** The user and what is known about them. Sent to WeChat only; never logged. */
export type UserRiskRankInput = {
  /** bank_card_no. */
  bankCardNo?: string | null | undefined;
  /** cert_no: the ID number. */
  certNo?: string | null | undefined;
  /** client_ip: the user's IP address as your server saw it. */
  clientIp: string;
  /** email_address. */
  emailAddress?: string | null | undefined;
  /** extended_info. */
  extendedInfo?: string | null | undefined;
  /** mobile_no. */
  mobileNo?: string | null | undefined;
  /** OpenID of the user. */
  openid: string;
  /** The scene. */
  scene: UserRiskScene;
};

/** What the risk is assessed for. */
export type UserRiskScene =
  /** Marketing campaigns: fraud and abuse (营销作弊). */
  | 'MARKETING'
  /** Registration (注册). */
  | 'REGISTER';

/** Label layout of order/get (print_type). */
export type WaybillPrintType =
  /** One-part label. */
  | 'ONE_PART'
  /** Two-part label (default). */
  | 'TWO_PART';

/** What a WeChat push is: a user message (MsgType) or an event (MsgType `event`, by its Event). */
export type WeChatEventType =
  /** A parcel's track grew (logistics assistant, Event `add_express_path`). */
  | 'EXPRESS_PATH'
  /** An image message (MsgType `image`). */
  | 'IMAGE'
  /** A link a user sent (MsgType `link`). */
  | 'LINK'
  /** A location a user sent (MsgType `location`). */
  | 'LOCATION'
  /** The verdict of an asynchronous media check (Event `wxa_media_check`). */
  | 'MEDIA_CHECK'
  /** A mini-program page card sent to customer service (MsgType `miniprogrampage`). */
  | 'MINIPROGRAM_PAGE'
  /** A follower scanned a parametric QR code (Event `SCAN`). */
  | 'SCAN'
  /** A short video message (MsgType `shortvideo`). */
  | 'SHORT_VIDEO'
  /** A user followed the Official Account (Event `subscribe`), maybe through a QR code. */
  | 'SUBSCRIBE'
  /** A user changed subscribe-message choices in settings (Event `subscribe_msg_change_event`). */
  | 'SUBSCRIBE_MESSAGE_CHANGE'
  /** A user answered the subscribe-message popup (Event `subscribe_msg_popup_event`). */
  | 'SUBSCRIBE_MESSAGE_POPUP'
  /** Delivery receipts of subscribe messages (Event `subscribe_msg_sent_event`). */
  | 'SUBSCRIBE_MESSAGE_SENT'
  /** The delivery receipt of a template message (Event `TEMPLATESENDJOBFINISH`). */
  | 'TEMPLATE_SEND_JOB_FINISH'
  /** A text message from a user (MsgType `text`). */
  | 'TEXT'
  /** Any other push, delivered raw so nothing is dropped. */
  | 'UNKNOWN'
  /** A user unfollowed the Official Account (Event `unsubscribe`). */
  | 'UNSUBSCRIBE'
  /** A user opened the customer-service chat (Event `user_enter_tempsession`). */
  | 'USER_ENTER_TEMPSESSION'
  /** A video message (MsgType `video`). */
  | 'VIDEO'
  /** A voice message (MsgType `voice`). */
  | 'VOICE'
  /** An immediate-delivery order changed status (Event `update_waybill_status`). */
  | 'WAYBILL_STATUS';

/** Official Account web authorization scope. */
export type WebAuthScope =
  /** snsapi_base: silent, gives the OpenID only. */
  | 'BASE'
  /** snsapi_userinfo: WeChat asks the user, and the nickname and avatar come with the OpenID. */
  | 'USERINFO';

export type AnalyticsVisitTrendFieldsFragment = { from: string, to: string, refDate: string, sessionCnt: number, visitPv: number, visitUv: number, visitUvNew: number, stayTimeUv: number | null, stayTimeSession: number, visitDepth: number, raw: unknown };

export type AnalyticsRetentionFieldsFragment = { from: string, to: string, refDate: string | null, raw: unknown, visitUvNew: Array<{ periodsAfter: number, users: number }>, visitUv: Array<{ periodsAfter: number, users: number }> };

export type AnalyticsPortraitBreakdownFieldsFragment = { provinces: Array<{ id: number | null, name: string, value: number }>, cities: Array<{ id: number | null, name: string, value: number }>, genders: Array<{ id: number | null, name: string, value: number }>, platforms: Array<{ id: number | null, name: string, value: number }>, devices: Array<{ id: number | null, name: string, value: number }>, ages: Array<{ id: number | null, name: string, value: number }> };

export type AnalyticsDailySummaryQueryVariables = Exact<{
  from: string;
  to: string;
  app?: string | null | undefined;
}>;


export type AnalyticsDailySummaryQuery = { miniProgramAnalytics: { dailySummary: Array<{ date: string, refDate: string, visitTotal: number, sharePv: number, shareUv: number, raw: unknown }> } };

export type AnalyticsDailyVisitTrendQueryVariables = Exact<{
  from: string;
  to: string;
  app?: string | null | undefined;
}>;


export type AnalyticsDailyVisitTrendQuery = { miniProgramAnalytics: { dailyVisitTrend: Array<{ from: string, to: string, refDate: string, sessionCnt: number, visitPv: number, visitUv: number, visitUvNew: number, stayTimeUv: number | null, stayTimeSession: number, visitDepth: number, raw: unknown }> } };

export type AnalyticsDailyVisitsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsDailyVisitsQuery = { miniProgramAnalytics: { dailyVisitTrend: Array<{ from: string, visitUv: number }> } };

export type AnalyticsWeeklyVisitTrendQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsWeeklyVisitTrendQuery = { miniProgramAnalytics: { weeklyVisitTrend: Array<{ from: string, to: string, refDate: string, sessionCnt: number, visitPv: number, visitUv: number, visitUvNew: number, stayTimeUv: number | null, stayTimeSession: number, visitDepth: number, raw: unknown }> } };

export type AnalyticsMonthlyVisitTrendQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsMonthlyVisitTrendQuery = { miniProgramAnalytics: { monthlyVisitTrend: Array<{ from: string, to: string, refDate: string, sessionCnt: number, visitPv: number, visitUv: number, visitUvNew: number, stayTimeUv: number | null, stayTimeSession: number, visitDepth: number, raw: unknown }> } };

export type AnalyticsDailyRetentionQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsDailyRetentionQuery = { miniProgramAnalytics: { dailyRetention: Array<{ from: string, to: string, refDate: string | null, raw: unknown, visitUvNew: Array<{ periodsAfter: number, users: number }>, visitUv: Array<{ periodsAfter: number, users: number }> }> } };

export type AnalyticsWeeklyRetentionQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsWeeklyRetentionQuery = { miniProgramAnalytics: { weeklyRetention: Array<{ from: string, to: string, refDate: string | null, raw: unknown, visitUvNew: Array<{ periodsAfter: number, users: number }>, visitUv: Array<{ periodsAfter: number, users: number }> }> } };

export type AnalyticsMonthlyRetentionQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsMonthlyRetentionQuery = { miniProgramAnalytics: { monthlyRetention: Array<{ from: string, to: string, refDate: string | null, raw: unknown, visitUvNew: Array<{ periodsAfter: number, users: number }>, visitUv: Array<{ periodsAfter: number, users: number }> }> } };

export type AnalyticsUserPortraitQueryVariables = Exact<{
  span: AnalyticsPortraitSpan;
  endDate?: string | null | undefined;
}>;


export type AnalyticsUserPortraitQuery = { miniProgramAnalytics: { userPortrait: { from: string, to: string, refDate: string | null, raw: unknown, visitUvNew: { provinces: Array<{ id: number | null, name: string, value: number }>, cities: Array<{ id: number | null, name: string, value: number }>, genders: Array<{ id: number | null, name: string, value: number }>, platforms: Array<{ id: number | null, name: string, value: number }>, devices: Array<{ id: number | null, name: string, value: number }>, ages: Array<{ id: number | null, name: string, value: number }> }, visitUv: { provinces: Array<{ id: number | null, name: string, value: number }>, cities: Array<{ id: number | null, name: string, value: number }>, genders: Array<{ id: number | null, name: string, value: number }>, platforms: Array<{ id: number | null, name: string, value: number }>, devices: Array<{ id: number | null, name: string, value: number }>, ages: Array<{ id: number | null, name: string, value: number }> } } } };

export type AnalyticsVisitDistributionQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsVisitDistributionQuery = { miniProgramAnalytics: { visitDistribution: Array<{ date: string, refDate: string | null, raw: unknown, distributions: Array<{ index: AnalyticsDistributionIndex, rawIndex: string, items: Array<{ key: number, value: number, label: string | null, source: AnalyticsVisitSource | null, stayTime: AnalyticsStayTimeRange | null, depth: AnalyticsVisitDepthRange | null }> }> }> } };

export type AnalyticsVisitPagesQueryVariables = Exact<{
  date: string;
}>;


export type AnalyticsVisitPagesQuery = { miniProgramAnalytics: { visitPages: { date: string, refDate: string | null, pages: Array<{ pagePath: string, pageVisitPv: number, pageVisitUv: number, pageStaytimePv: number, entrypagePv: number, exitpagePv: number, pageSharePv: number, pageShareUv: number, raw: unknown }> } } };

export type AnalyticsUserSummaryQueryVariables = Exact<{
  from: string;
  to: string;
  app?: string | null | undefined;
}>;


export type AnalyticsUserSummaryQuery = { officialAccountAnalytics: { userSummary: Array<{ date: string, refDate: string, userSource: number, source: AnalyticsFollowSource, newUser: number, cancelUser: number, netUser: number, raw: unknown }> } };

export type AnalyticsUserCumulateQueryVariables = Exact<{
  from: string;
  to: string;
  app?: string | null | undefined;
}>;


export type AnalyticsUserCumulateQuery = { officialAccountAnalytics: { userCumulate: Array<{ date: string, refDate: string, cumulateUser: number, userSource: number | null, raw: unknown }> } };

export type WeChatEventsSubscriptionVariables = Exact<{
  app?: string | null | undefined;
  types?: Array<WeChatEventType> | WeChatEventType | null | undefined;
}>;


export type WeChatEventsSubscription = { wechatEvents:
    | { __typename: 'ExpressPathEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'ImageMessageEvent', picUrl: string | null, mediaId: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'LinkMessageEvent', title: string | null, description: string | null, url: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'LocationMessageEvent', latitude: number | null, longitude: number | null, scale: number | null, label: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'MediaCheckEvent', traceId: string, version: number | null, suggest: ContentCheckSuggest | null, riskLabel: number | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, checkedAppId: string | null, details: Array<{ strategy: string | null, errcode: number | null, suggest: ContentCheckSuggest | null, riskLabel: number | null, prob: number | null, keyword: string | null }>, app: { id: string } }
    | { __typename: 'MiniProgramPageMessageEvent', title: string | null, appId: string | null, pagePath: string | null, thumbUrl: string | null, thumbMediaId: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'ScanEvent', scene: string | null, ticket: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'SubscribeEvent', scene: string | null, eventKey: string | null, ticket: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'SubscribeMessageChangeEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, changes: Array<{ templateId: string, status: string, accepted: boolean }>, app: { id: string } }
    | { __typename: 'SubscribeMessagePopupEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, subscriptions: Array<{ templateId: string, status: string, accepted: boolean, popupScene: number | null }>, app: { id: string } }
    | { __typename: 'SubscribeMessageSentEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, deliveries: Array<{ templateId: string, msgId: string | null, errorCode: number, errorStatus: string, delivered: boolean }>, app: { id: string } }
    | { __typename: 'TemplateSendJobFinishEvent', msgId: string, status: TemplateSendStatus, statusText: string, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'TextMessageEvent', content: string, menuId: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'UnknownEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'UnsubscribeEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'UserEnterTempSessionEvent', sessionFrom: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'VideoMessageEvent', mediaId: string | null, thumbMediaId: string | null, short: boolean, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'VoiceMessageEvent', mediaId: string | null, format: string | null, recognition: string | null, id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
    | { __typename: 'WaybillStatusEvent', id: string, type: WeChatEventType, fromUser: string, toUser: string, createTime: string, receivedAt: string, msgType: string, event: string | null, raw: unknown, app: { id: string } }
   };

export type GenerateUrlSchemeMutationVariables = Exact<{
  app?: string | null | undefined;
  input?: GenerateUrlSchemeInput | null | undefined;
}>;


export type GenerateUrlSchemeMutation = { generateUrlScheme: { openlink: string, expiresAt: string } };

export type GenerateUrlLinkMutationVariables = Exact<{
  app?: string | null | undefined;
  input?: GenerateUrlLinkInput | null | undefined;
}>;


export type GenerateUrlLinkMutation = { generateUrlLink: { urlLink: string, expiresAt: string } };

export type GenerateShortLinkMutationVariables = Exact<{
  app?: string | null | undefined;
  input: GenerateShortLinkInput;
}>;


export type GenerateShortLinkMutation = { generateShortLink: { link: string, permanent: boolean, expiresAt: string | null } };

export type LinkInfoFieldsFragment = { appid: string | null, path: string, query: string, envVersion: MiniProgramEnvVersion | null, createdAt: string | null, expiresAt: string | null, visitOpenid: string | null };

export type UrlSchemeQueryVariables = Exact<{
  app?: string | null | undefined;
  scheme: string;
}>;


export type UrlSchemeQuery = { urlScheme: { appid: string | null, path: string, query: string, envVersion: MiniProgramEnvVersion | null, createdAt: string | null, expiresAt: string | null, visitOpenid: string | null } | null };

export type UrlLinkQueryVariables = Exact<{
  app?: string | null | undefined;
  urlLink: string;
}>;


export type UrlLinkQuery = { urlLink: { appid: string | null, path: string, query: string, envVersion: MiniProgramEnvVersion | null, createdAt: string | null, expiresAt: string | null, visitOpenid: string | null } | null };

export type LocalDeliveryCarriersQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalDeliveryCarriersQuery = { localDeliveryCarriers: Array<{ deliveryId: string, deliveryName: string }> };

export type LocalDeliveryShopsQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalDeliveryShopsQuery = { localDeliveryShops: Array<{ deliveryId: string, shopId: string, auditResult: number | null }> };

export type LocalDeliveryQuoteQueryVariables = Exact<{
  input: LocalDeliveryOrderInput;
}>;


export type LocalDeliveryQuoteQuery = { localDeliveryQuote: { fee: number | null, deliveryFee: number | null, couponFee: number | null, tips: number | null, insuranceFee: number | null, distance: number | null, dispatchDuration: number | null, deliveryToken: string | null } };

export type AddLocalDeliveryOrderMutationVariables = Exact<{
  input: LocalDeliveryOrderInput;
}>;


export type AddLocalDeliveryOrderMutation = { addLocalDeliveryOrder: { waybillId: string | null, orderStatus: number | null, fee: number | null, deliveryFee: number | null, distance: number | null, finishCode: number | null, pickupCode: number | null, replayed: boolean } };

export type LocalDeliveryOrderQueryVariables = Exact<{
  order: LocalDeliveryOrderRefInput;
}>;


export type LocalDeliveryOrderQuery = { localDeliveryOrder: { orderStatus: number | null, waybillId: string | null, riderName: string | null, riderPhone: string | null, riderLng: number | null, riderLat: number | null, reachTime: string | null } };

export type LocalDeliveryCancelFeeQueryVariables = Exact<{
  input: LocalDeliveryCancelInput;
}>;


export type LocalDeliveryCancelFeeQuery = { localDeliveryCancelFee: { deductFee: number, description: string | null } };

export type CancelLocalDeliveryOrderMutationVariables = Exact<{
  input: LocalDeliveryCancelInput;
}>;


export type CancelLocalDeliveryOrderMutation = { cancelLocalDeliveryOrder: { deductFee: number, description: string | null } };

export type AddLocalDeliveryTipsMutationVariables = Exact<{
  input: LocalDeliveryTipsInput;
}>;


export type AddLocalDeliveryTipsMutation = { addLocalDeliveryTips: { tips: number } };

export type DeliveryEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DeliveryEventsSubscription = { wechatEvents:
    | { __typename: 'ExpressPathEvent', deliveryId: string, waybillId: string, orderId: string | null, version: number | null, count: number | null, id: string, type: WeChatEventType, fromUser: string, actions: Array<{ time: string, type: ExpressActionType, typeCode: number, message: string }> }
    | { __typename: 'ImageMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'LinkMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'LocationMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'MediaCheckEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'MiniProgramPageMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'ScanEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeMessageChangeEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeMessagePopupEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeMessageSentEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'TemplateSendJobFinishEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'TextMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UnknownEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UnsubscribeEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UserEnterTempSessionEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'VideoMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'VoiceMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'WaybillStatusEvent', shopId: string, shopOrderId: string, waybillId: string, orderStatus: number, actionTime: string | null, actionMsg: string | null, riderName: string | null, riderPhone: string | null, id: string, type: WeChatEventType, fromUser: string }
   };

export type LogisticsCarriersQueryVariables = Exact<{ [key: string]: never; }>;


export type LogisticsCarriersQuery = { logisticsCarriers: Array<{ deliveryId: string, deliveryName: string, canGetQuota: boolean | null }> };

export type LogisticsAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type LogisticsAccountsQuery = { logisticsAccounts: Array<{ bizId: string, deliveryId: string, statusCode: number | null, quotaNum: number | null, createTime: string | null }> };

export type AddLogisticsOrderMutationVariables = Exact<{
  input: LogisticsOrderInput;
}>;


export type AddLogisticsOrderMutation = { addLogisticsOrder: { orderId: string, waybillId: string, deliveryResultCode: number, deliveryResultMsg: string | null, replayed: boolean, waybillData: Array<{ key: string, value: string }> } };

export type LogisticsOrderQueryVariables = Exact<{
  order: LogisticsOrderRefInput;
  printType?: WaybillPrintType | null | undefined;
}>;


export type LogisticsOrderQuery = { logisticsOrder: { orderId: string, waybillId: string, deliveryId: string, cancelled: boolean | null, printHtml: string | null, printHtmlBase64: string | null, waybillData: Array<{ key: string, value: string }> } };

export type CancelLogisticsOrderMutationVariables = Exact<{
  order: LogisticsOrderRefInput;
}>;


export type CancelLogisticsOrderMutation = { cancelLogisticsOrder: { deliveryResultCode: number, deliveryResultMsg: string | null } };

export type LogisticsPathQueryVariables = Exact<{
  order: LogisticsOrderRefInput;
}>;


export type LogisticsPathQuery = { logisticsPath: { deliveryId: string, waybillId: string, actions: Array<{ time: string, type: ExpressActionType, typeCode: number, message: string }> } };

export type LogisticsQuotaQueryVariables = Exact<{
  deliveryId: string;
  bizId: string;
}>;


export type LogisticsQuotaQuery = { logisticsQuota: { remaining: number } };

export type SendSubscribeMessageMutationVariables = Exact<{
  toOpenid: string;
  message: SubscribeMessageInput;
  idempotencyKey?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type SendSubscribeMessageMutation = { sendSubscribeMessage: { sentAt: string, replayed: boolean, idempotencyKey: string | null, mediaId: string | null } };

export type SendCustomerServiceMessageMutationVariables = Exact<{
  toOpenid: string;
  message: CustomerServiceMessageInput;
  idempotencyKey?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type SendCustomerServiceMessageMutation = { sendCustomerServiceMessage: { sentAt: string, replayed: boolean, idempotencyKey: string | null, mediaId: string | null } };

export type SetCustomerServiceTypingMutationVariables = Exact<{
  toOpenid: string;
  typing: boolean;
  app?: string | null | undefined;
}>;


export type SetCustomerServiceTypingMutation = { setCustomerServiceTyping: boolean };

export type SubscribeMessageTemplatesQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type SubscribeMessageTemplatesQuery = { subscribeMessageTemplates: Array<{ id: string, title: string, content: string, example: string, kind: SubscribeTemplateKind, typeCode: number | null, keywords: Array<{ key: string, name: string, valueType: string, allowedValues: Array<string> | null }> }> };

export type OcrBankCardQueryVariables = Exact<{
  image?: unknown;
  imageUrl?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type OcrBankCardQuery = { ocrBankCard: { number: string | null } };

export type OcrIdCardQueryVariables = Exact<{
  image?: unknown;
  imageUrl?: string | null | undefined;
  mode?: OcrMode | null | undefined;
}>;


export type OcrIdCardQuery = { ocrIdCard: { side: IdCardSide | null, name: string | null, idNumber: string | null, address: string | null, gender: string | null, nationality: string | null, validDate: string | null, birthDate: string | null, cardProperty: number | null } };

export type OcrPrintedTextQueryVariables = Exact<{
  image?: unknown;
  imageUrl?: string | null | undefined;
}>;


export type OcrPrintedTextQuery = { ocrPrintedText: { lines: Array<{ text: string, position: { leftTop: { x: number, y: number }, rightTop: { x: number, y: number }, rightBottom: { x: number, y: number }, leftBottom: { x: number, y: number } } | null }>, imageSize: { width: number, height: number } | null } };

export type OcrBusinessLicenseQueryVariables = Exact<{
  imageUrl?: string | null | undefined;
}>;


export type OcrBusinessLicenseQuery = { ocrBusinessLicense: { registrationNumber: string | null, enterpriseName: string | null, legalRepresentative: string | null, certPosition: { leftTop: { x: number, y: number } } | null, imageSize: { width: number, height: number } | null } };

export type OcrDriverLicenseQueryVariables = Exact<{
  imageUrl?: string | null | undefined;
}>;


export type OcrDriverLicenseQuery = { ocrDriverLicense: { idNumber: string | null, name: string | null, carClass: string | null, validTo: string | null } };

export type OcrVehicleLicenseQueryVariables = Exact<{
  imageUrl?: string | null | undefined;
}>;


export type OcrVehicleLicenseQuery = { ocrVehicleLicense: { plateNumber: string | null, vehicleType: string | null, vin: string | null, cardPositionFront: { leftTop: { x: number, y: number } } | null, imageSize: { width: number, height: number } | null } };

export type OcrPlateNumberQueryVariables = Exact<{
  imageUrl?: string | null | undefined;
}>;


export type OcrPlateNumberQuery = { ocrPlateNumber: { number: string | null } };

export type CreateOfficialAccountQrCodeMutationVariables = Exact<{
  app?: string | null | undefined;
  input: CreateOfficialAccountQrCodeInput;
}>;


export type CreateOfficialAccountQrCodeMutation = { createOfficialAccountQRCode: { ticket: string, contentUrl: string | null, permanent: boolean, sceneId: number | null, sceneStr: string | null, createdAt: string, expiresAt: string | null, imageUrl: string, contentType: string, byteSize: number, reused: boolean } };

export type OfficialAccountQrCodeQuotaQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type OfficialAccountQrCodeQuotaQuery = { officialAccountQRCodeQuota: { permanentUsed: number, permanentTotal: number, permanentRemaining: number } };

export type SendTemplateMessageMutationVariables = Exact<{
  app?: string | null | undefined;
  toOpenid: string;
  templateId: string;
  data: Array<TemplateMessageDataEntry> | TemplateMessageDataEntry;
  url?: string | null | undefined;
  miniProgram?: MiniProgramJumpInput | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SendTemplateMessageMutation = { sendTemplateMessage: { msgId: string, sentAt: string, replayed: boolean, idempotencyKey: string | null, warnings: Array<string> } };

export type OfficialAccountTemplatesQueryVariables = Exact<{
  app?: string | null | undefined;
  fresh?: boolean | null | undefined;
}>;


export type OfficialAccountTemplatesQuery = { officialAccountTemplates: Array<{ templateId: string, title: string, primaryIndustry: string, deputyIndustry: string, content: string, example: string, placeholders: Array<string>, shownPlaceholders: Array<string> }> };

export type AddOfficialAccountTemplateMutationVariables = Exact<{
  app?: string | null | undefined;
  shortId: string;
  keywordNames?: Array<string> | string | null | undefined;
}>;


export type AddOfficialAccountTemplateMutation = { addOfficialAccountTemplate: { templateId: string, title: string, placeholders: Array<string> } };

export type DeleteOfficialAccountTemplateMutationVariables = Exact<{
  app?: string | null | undefined;
  templateId: string;
}>;


export type DeleteOfficialAccountTemplateMutation = { deleteOfficialAccountTemplate: boolean };

export type OfficialAccountIndustryQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type OfficialAccountIndustryQuery = { officialAccountIndustry: { primary: { firstClass: string, secondClass: string } | null, secondary: { firstClass: string, secondClass: string } | null } };

export type SetOfficialAccountIndustryMutationVariables = Exact<{
  app?: string | null | undefined;
  primary: number;
  secondary: number;
}>;


export type SetOfficialAccountIndustryMutation = { setOfficialAccountIndustry: boolean };

export type SendSubscriptionNotificationMutationVariables = Exact<{
  app?: string | null | undefined;
  toOpenid: string;
  templateId: string;
  data: Array<SubscriptionNotificationDataEntry> | SubscriptionNotificationDataEntry;
  page?: string | null | undefined;
  miniProgram?: MiniProgramJumpInput | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SendSubscriptionNotificationMutation = { sendSubscriptionNotification: { sentAt: string, replayed: boolean, idempotencyKey: string | null } };

export type CreateShortKeyMutationVariables = Exact<{
  app?: string | null | undefined;
  data: string;
  expireSeconds?: number | null | undefined;
}>;


export type CreateShortKeyMutation = { createShortKey: string };

export type ShortKeyQueryVariables = Exact<{
  app?: string | null | undefined;
  key: string;
}>;


export type ShortKeyQuery = { shortKey: { key: string, data: string, createdAt: string, expiresAt: string } | null };

export type AdSlotStatsFieldsFragment = { date: string | null, adSlot: string | null, slotId: string | null, requests: number, exposures: number, exposureRate: number, clicks: number, clickRate: number, incomeFen: string, ecpm: number };

export type PublisherAdSlotStatsQueryVariables = Exact<{
  app?: string | null | undefined;
  startDate: string;
  endDate: string;
  adSlot?: string | null | undefined;
}>;


export type PublisherAdSlotStatsQuery = { publisherAdSlotStats: { totalCount: number, cached: boolean, rows: Array<{ date: string | null, adSlot: string | null, slotId: string | null, requests: number, exposures: number, exposureRate: number, clicks: number, clickRate: number, incomeFen: string, ecpm: number }>, summary: { date: string | null, adSlot: string | null, slotId: string | null, requests: number, exposures: number, exposureRate: number, clicks: number, clickRate: number, incomeFen: string, ecpm: number } | null } };

export type CommissionFieldsFragment = { date: string | null, exposures: number, clicks: number, clickRatePercent: number, orders: number, orderRate: number, totalFeeFen: string, totalCommissionFen: string };

export type PublisherCommissionStatsQueryVariables = Exact<{
  app?: string | null | undefined;
  startDate: string;
  endDate: string;
}>;


export type PublisherCommissionStatsQuery = { publisherCommissionStats: { totalCount: number, cached: boolean, rows: Array<{ date: string | null, exposures: number, clicks: number, clickRatePercent: number, orders: number, orderRate: number, totalFeeFen: string, totalCommissionFen: string }>, summary: { date: string | null, exposures: number, clicks: number, clickRatePercent: number, orders: number, orderRate: number, totalFeeFen: string, totalCommissionFen: string } | null } };

export type PublisherSettlementsQueryVariables = Exact<{
  app?: string | null | undefined;
  startDate: string;
  endDate: string;
}>;


export type PublisherSettlementsQuery = { publisherSettlements: { company: string | null, penaltyAllFen: string, revenueAllFen: string, settledRevenueAllFen: string, totalCount: number, settlements: Array<{ date: string, zone: string, month: string, order: number, status: number, settledRevenueFen: string, settlementNo: string, mailsSent: number, slots: Array<{ adSlot: string, settledRevenueFen: string }> }> } };

export type OfficialAccountEventsSubscriptionVariables = Exact<{
  app?: string | null | undefined;
}>;


export type OfficialAccountEventsSubscription = { wechatEvents:
    | { __typename: 'ExpressPathEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'ImageMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'LinkMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'LocationMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'MediaCheckEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'MiniProgramPageMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'ScanEvent', scene: string | null, ticket: string | null, id: string, type: WeChatEventType, fromUser: string, qrCode: { ticket: string, permanent: boolean, sceneId: number | null, sceneStr: string | null } | null }
    | { __typename: 'SubscribeEvent', scene: string | null, ticket: string | null, id: string, type: WeChatEventType, fromUser: string, qrCode: { ticket: string, permanent: boolean, sceneId: number | null, sceneStr: string | null } | null }
    | { __typename: 'SubscribeMessageChangeEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeMessagePopupEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'SubscribeMessageSentEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'TemplateSendJobFinishEvent', msgId: string, status: TemplateSendStatus, statusText: string, id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'TextMessageEvent', content: string, id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UnknownEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UnsubscribeEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'UserEnterTempSessionEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'VideoMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'VoiceMessageEvent', id: string, type: WeChatEventType, fromUser: string }
    | { __typename: 'WaybillStatusEvent', id: string, type: WeChatEventType, fromUser: string }
   };

export type AppsQueryVariables = Exact<{ [key: string]: never; }>;


export type AppsQuery = { apps: Array<{ id: string, appId: string, kind: AppKind, pushEnabled: boolean }> };

export type ServerIpsQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type ServerIpsQuery = { wechatServerIps: { apiDomain: Array<string>, callback: Array<string> } };

export type ApiDomainIpsQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type ApiDomainIpsQuery = { wechatServerIps: { apiDomain: Array<string> } };

export type ApiQuotaQueryVariables = Exact<{
  path: string;
}>;


export type ApiQuotaQuery = { apiQuota: { path: string, dailyLimit: number, used: number, remain: number, rateLimitCalls: number | null, rateLimitWindowSeconds: number | null } };

export type ApiRequestQueryVariables = Exact<{
  rid: string;
}>;


export type ApiRequestQuery = { apiRequest: { invokedAt: string, costMs: number, requestUrl: string, responseBody: string } };

export type AccessTokenQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type AccessTokenQuery = { accessToken: { value: string, expiresAt: string } };

export type TokenStatusQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type TokenStatusQuery = { tokenStatus: { appId: string, source: TokenSource, refreshedAt: string | null, expiresAt: string | null, sharedStore: SharedStoreState } };

export type CreateQrCodeMutationVariables = Exact<{
  app?: string | null | undefined;
  input: CreateQrCodeInput;
}>;


export type CreateQrCodeMutation = { createQRCode: { id: string, kind: QrCodeKind, contentType: string, byteSize: number, url: string, createdAt: string, expiresAt: string | null, reused: boolean } };

export type CreateQrCodeWithDataMutationVariables = Exact<{
  input: CreateQrCodeInput;
}>;


export type CreateQrCodeWithDataMutation = { createQRCode: { id: string, contentType: string, byteSize: number, dataUrl: string } };

export type QrCodeQuotaQueryVariables = Exact<{
  app?: string | null | undefined;
}>;


export type QrCodeQuotaQuery = { qrCodeQuota: { limitedUsed: number, limitedTotal: number, limitedRemaining: number, unlimitedCacheSeconds: number } };

export type RealtimeLogsQueryVariables = Exact<{
  app?: string | null | undefined;
  date: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  offset?: number | null | undefined;
  limit?: number | null | undefined;
  traceId?: string | null | undefined;
  page?: string | null | undefined;
  openid?: string | null | undefined;
  filterMessage?: string | null | undefined;
  minLevel?: RealtimeLogLevel | null | undefined;
}>;


export type RealtimeLogsQuery = { realtimeLogs: { total: number, nextOffset: number | null, entries: Array<{ levels: Array<RealtimeLogLevel>, platform: RealtimeLogPlatform, platformCode: number, libraryVersion: string, clientVersion: string, openid: string, loggedAt: string, page: string, traceId: string, filterMessage: string | null, messages: Array<{ loggedAt: string, level: RealtimeLogLevel | null, texts: Array<string> }> }> } };

export type CheckTextMutationVariables = Exact<{
  input: TextCheckInput;
  app?: string | null | undefined;
}>;


export type CheckTextMutation = { checkText: { traceId: string, suggest: ContentCheckSuggest, label: ContentCheckLabel, labelCode: number, details: Array<{ strategy: string, errcode: number, suggest: ContentCheckSuggest | null, label: ContentCheckLabel | null, labelCode: number | null, keyword: string | null, level: number | null, probability: number | null }> } };

export type CheckImageMutationVariables = Exact<{
  image: unknown;
  app?: string | null | undefined;
}>;


export type CheckImageMutation = { checkImage: { suggest: ContentCheckSuggest, format: string, width: number, height: number } };

export type CheckMediaAsyncMutationVariables = Exact<{
  input: MediaCheckInput;
  app?: string | null | undefined;
}>;


export type CheckMediaAsyncMutation = { checkMediaAsync: { traceId: string } };

export type LoginMutationVariables = Exact<{
  code: string;
  app?: string | null | undefined;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, viewer: { openid: string, unionid: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { openid: string, unionid: string | null, sessionExpiresAt: string, app: { id: string }, phoneNumber: { phoneNumber: string, purePhoneNumber: string, countryCode: string } | null } };

export type SessionKeyValidQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionKeyValidQuery = { me: { sessionKeyValid: boolean } };

export type BindPhoneNumberMutationVariables = Exact<{
  code: string;
}>;


export type BindPhoneNumberMutation = { bindPhoneNumber: { phoneNumber: string, purePhoneNumber: string, countryCode: string } };

export type DecryptUserDataMutationVariables = Exact<{
  encryptedData: string;
  iv: string;
}>;


export type DecryptUserDataMutation = { decryptUserData: { data: unknown, watermarkTimestamp: string | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type PaidUnionIdQueryVariables = Exact<{
  openid: string;
  transactionId?: string | null | undefined;
  mchId?: string | null | undefined;
  outTradeNo?: string | null | undefined;
}>;


export type PaidUnionIdQuery = { paidUnionId: string | null };

export type UserRiskRankQueryVariables = Exact<{
  input: UserRiskRankInput;
}>;


export type UserRiskRankQuery = { userRiskRank: { riskRank: number, requestId: string | null } };

export type MyEncryptKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEncryptKeysQuery = { myEncryptKeys: Array<{ encryptKey: string, iv: string, version: number, expiresIn: number, createTime: string }> };

export type OaUserFieldsFragment = { openid: string, subscribed: boolean, unionid: string | null, subscribedAt: string | null, subscribeScene: OfficialAccountSubscribeScene | null, qrScene: string | null, qrSceneStr: string | null, remark: string | null, tagIds: Array<number>, language: string | null, nickname: string | null, headImgUrl: string | null, sex: OfficialAccountUserSex | null, country: string | null, province: string | null, city: string | null };

export type OaUserQueryVariables = Exact<{
  openid: string;
  app?: string | null | undefined;
}>;


export type OaUserQuery = { user: { openid: string, subscribed: boolean, unionid: string | null, subscribedAt: string | null, subscribeScene: OfficialAccountSubscribeScene | null, qrScene: string | null, qrSceneStr: string | null, remark: string | null, tagIds: Array<number>, language: string | null, nickname: string | null, headImgUrl: string | null, sex: OfficialAccountUserSex | null, country: string | null, province: string | null, city: string | null } | null };

export type OaUsersQueryVariables = Exact<{
  openids: Array<string> | string;
  app?: string | null | undefined;
}>;


export type OaUsersQuery = { users: Array<{ openid: string, subscribed: boolean, unionid: string | null, subscribedAt: string | null, subscribeScene: OfficialAccountSubscribeScene | null, qrScene: string | null, qrSceneStr: string | null, remark: string | null, tagIds: Array<number>, language: string | null, nickname: string | null, headImgUrl: string | null, sex: OfficialAccountUserSex | null, country: string | null, province: string | null, city: string | null } | null> };

export type OaUsersRemarkQueryVariables = Exact<{
  openids: Array<string> | string;
  app?: string | null | undefined;
}>;


export type OaUsersRemarkQuery = { users: Array<{ openid: string, remark: string | null } | null> };

export type OaUsersAskedTwiceQueryVariables = Exact<{
  openids: Array<string> | string;
  some: Array<string> | string;
  one: string;
  app?: string | null | undefined;
}>;


export type OaUsersAskedTwiceQuery = { users: Array<{ openid: string, subscribed: boolean } | null>, again: Array<{ remark: string | null } | null>, one: { unionid: string | null } | null, same: { tagIds: Array<number> } | null };

export type OaFollowerOpenidsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type OaFollowerOpenidsQuery = { followers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { openid: string } | null }> } };

export type OaOpenidOnlyFragment = { __typename: 'OfficialAccountUser', openid: string };

export type OaFollowerOpenidsByFragmentQueryVariables = Exact<{
  first?: number | null | undefined;
  app?: string | null | undefined;
}>;


export type OaFollowerOpenidsByFragmentQuery = { followers: { edges: Array<{ node: { __typename: 'OfficialAccountUser', openid: string } | null }> } };

export type OaFollowerProfilesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type OaFollowerProfilesQuery = { followers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { openid: string, subscribed: boolean, subscribedAt: string | null, subscribeScene: OfficialAccountSubscribeScene | null } | null }> } };

export type OaBlacklistQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  app?: string | null | undefined;
}>;


export type OaBlacklistQuery = { blacklist: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { openid: string } | null }> } };

export type OaBlockUsersMutationVariables = Exact<{
  openids: Array<string> | string;
  app?: string | null | undefined;
}>;


export type OaBlockUsersMutation = { blockUsers: Array<string | null> };

export type OaUnblockUsersMutationVariables = Exact<{
  openids: Array<string> | string;
  app?: string | null | undefined;
}>;


export type OaUnblockUsersMutation = { unblockUsers: Array<string | null> };

export type OaSetUserRemarkMutationVariables = Exact<{
  openid: string;
  remark: string;
  app?: string | null | undefined;
}>;


export type OaSetUserRemarkMutation = { setUserRemark: { openid: string, remark: string | null } };

export type WebAuthorizationUrlQueryVariables = Exact<{
  redirectUri: string;
  scope?: WebAuthScope | null | undefined;
  state: string;
  app?: string | null | undefined;
}>;


export type WebAuthorizationUrlQuery = { webAuthorizationUrl: string };

export type WebLoginMutationVariables = Exact<{
  code: string;
  app?: string | null | undefined;
}>;


export type WebLoginMutation = { webLogin: { token: string, expiresAt: string, viewer: { openid: string, unionid: string | null, signedInWith: string, profile: { nickname: string | null, avatarUrl: string | null } | null } } };

export type MeProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MeProfileQuery = { me: { openid: string, signedInWith: string, sessionKeyValid: boolean, app: { id: string }, profile: { nickname: string | null, avatarUrl: string | null } | null } };

export type ViewerEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerEventsSubscription = { viewerEvents: { id: string, type: WeChatEventType, msgType: string, event: string | null, createTime: string, content: string | null } };

export const AnalyticsVisitTrendFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsVisitTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCnt"}},{"kind":"Field","name":{"kind":"Name","value":"visitPv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeUv"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeSession"}},{"kind":"Field","name":{"kind":"Name","value":"visitDepth"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsVisitTrendFieldsFragment, unknown>;
export const AnalyticsRetentionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsRetentionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsRetention"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsRetentionFieldsFragment, unknown>;
export const AnalyticsPortraitBreakdownFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsPortraitBreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsPortraitBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"genders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AnalyticsPortraitBreakdownFieldsFragment, unknown>;
export const LinkInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LinkInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramLinkInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appid"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"envVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"visitOpenid"}}]}}]} as unknown as DocumentNode<LinkInfoFieldsFragment, unknown>;
export const AdSlotStatsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdSlotStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublisherAdSlotStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"adSlot"}},{"kind":"Field","name":{"kind":"Name","value":"slotId"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"exposures"}},{"kind":"Field","name":{"kind":"Name","value":"exposureRate"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"clickRate"}},{"kind":"Field","name":{"kind":"Name","value":"incomeFen"}},{"kind":"Field","name":{"kind":"Name","value":"ecpm"}}]}}]} as unknown as DocumentNode<AdSlotStatsFieldsFragment, unknown>;
export const CommissionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommissionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublisherCommissionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"exposures"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"clickRatePercent"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"orderRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"totalCommissionFen"}}]}}]} as unknown as DocumentNode<CommissionFieldsFragment, unknown>;
export const OaUserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OaUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribed"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subscribeScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrSceneStr"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"tagIds"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"headImgUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<OaUserFieldsFragment, unknown>;
export const OaOpenidOnlyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OaOpenidOnly"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<OaOpenidOnlyFragment, unknown>;
export const AnalyticsDailySummaryDocument = {"__meta__":{"hash":"sha256:a5965c5c4bc3f2c6edeb1206e85743beec5d3acde609b2df1928e12281f7782a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDailySummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailySummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"sharePv"}},{"kind":"Field","name":{"kind":"Name","value":"shareUv"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsDailySummaryQuery, AnalyticsDailySummaryQueryVariables>;
export const AnalyticsDailyVisitTrendDocument = {"__meta__":{"hash":"sha256:5424a08ca04dd5ddf17845b33ac21fa008d6cbec57692d37e51a4fd9d1b20611"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDailyVisitTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyVisitTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsVisitTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCnt"}},{"kind":"Field","name":{"kind":"Name","value":"visitPv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeUv"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeSession"}},{"kind":"Field","name":{"kind":"Name","value":"visitDepth"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsDailyVisitTrendQuery, AnalyticsDailyVisitTrendQueryVariables>;
export const AnalyticsDailyVisitsDocument = {"__meta__":{"hash":"sha256:5f8306b19219de92b8c9d59f85a743b1b1992af9a72be273a12b948076c55a21"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDailyVisits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyVisitTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsDailyVisitsQuery, AnalyticsDailyVisitsQueryVariables>;
export const AnalyticsWeeklyVisitTrendDocument = {"__meta__":{"hash":"sha256:6bbead1caea32b06dc10bd40ca9d4b2071ac104b52fd015adc275bca282a26e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsWeeklyVisitTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyVisitTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsVisitTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCnt"}},{"kind":"Field","name":{"kind":"Name","value":"visitPv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeUv"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeSession"}},{"kind":"Field","name":{"kind":"Name","value":"visitDepth"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsWeeklyVisitTrendQuery, AnalyticsWeeklyVisitTrendQueryVariables>;
export const AnalyticsMonthlyVisitTrendDocument = {"__meta__":{"hash":"sha256:09560be51358f3377dde911a04e12440ec5d52c452aed6bee8d771b50fb0a5c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsMonthlyVisitTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyVisitTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsVisitTrendFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsVisitTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCnt"}},{"kind":"Field","name":{"kind":"Name","value":"visitPv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeUv"}},{"kind":"Field","name":{"kind":"Name","value":"stayTimeSession"}},{"kind":"Field","name":{"kind":"Name","value":"visitDepth"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsMonthlyVisitTrendQuery, AnalyticsMonthlyVisitTrendQueryVariables>;
export const AnalyticsDailyRetentionDocument = {"__meta__":{"hash":"sha256:9e93abd3cce600d269eb75526f444dfcab2d61809bb74380fb827b29823b84a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDailyRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsRetentionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsRetentionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsRetention"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsDailyRetentionQuery, AnalyticsDailyRetentionQueryVariables>;
export const AnalyticsWeeklyRetentionDocument = {"__meta__":{"hash":"sha256:89058264a4b75dd9751b1e14e230c33fc5e1eae2f5cfed55e9009b056b0e63e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsWeeklyRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsRetentionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsRetentionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsRetention"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsWeeklyRetentionQuery, AnalyticsWeeklyRetentionQueryVariables>;
export const AnalyticsMonthlyRetentionDocument = {"__meta__":{"hash":"sha256:563a625953744acc1175b6c18342a386315bc8bf0ab893cafff55dc5b2ec3cc0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsMonthlyRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsRetentionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsRetentionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsRetention"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<AnalyticsMonthlyRetentionQuery, AnalyticsMonthlyRetentionQueryVariables>;
export const AnalyticsUserPortraitDocument = {"__meta__":{"hash":"sha256:544c66ed4dfd754523733b31da0440199bd70d2b744ebcce865d138893ad33b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsUserPortrait"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"span"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsPortraitSpan"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPortrait"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"span"},"value":{"kind":"Variable","name":{"kind":"Name","value":"span"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitUvNew"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsPortraitBreakdownFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitUv"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsPortraitBreakdownFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsPortraitBreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsPortraitBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"genders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AnalyticsUserPortraitQuery, AnalyticsUserPortraitQueryVariables>;
export const AnalyticsVisitDistributionDocument = {"__meta__":{"hash":"sha256:5acfa8bd5513ff693e74126d2ad10a86024e6500520f055d76c2a9e637646cfb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsVisitDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"distributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"rawIndex"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"stayTime"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsVisitDistributionQuery, AnalyticsVisitDistributionQueryVariables>;
export const AnalyticsVisitPagesDocument = {"__meta__":{"hash":"sha256:2f5a5d172743d13e78b9ebf3db37f5f7243d75c4b0b5ac83a165119eaae0b108"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsVisitPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"pages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pagePath"}},{"kind":"Field","name":{"kind":"Name","value":"pageVisitPv"}},{"kind":"Field","name":{"kind":"Name","value":"pageVisitUv"}},{"kind":"Field","name":{"kind":"Name","value":"pageStaytimePv"}},{"kind":"Field","name":{"kind":"Name","value":"entrypagePv"}},{"kind":"Field","name":{"kind":"Name","value":"exitpagePv"}},{"kind":"Field","name":{"kind":"Name","value":"pageSharePv"}},{"kind":"Field","name":{"kind":"Name","value":"pageShareUv"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsVisitPagesQuery, AnalyticsVisitPagesQueryVariables>;
export const AnalyticsUserSummaryDocument = {"__meta__":{"hash":"sha256:0d0fccee8b2b3adb095a47d5e116b16ddcb49db868e0de76449eebb64ad55ac2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsUserSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officialAccountAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"userSource"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"newUser"}},{"kind":"Field","name":{"kind":"Name","value":"cancelUser"}},{"kind":"Field","name":{"kind":"Name","value":"netUser"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsUserSummaryQuery, AnalyticsUserSummaryQueryVariables>;
export const AnalyticsUserCumulateDocument = {"__meta__":{"hash":"sha256:123e80fa4d91d79d585b46e42c5661e9ace53fb7c028522899a86f539747b05d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsUserCumulate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officialAccountAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userCumulate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"refDate"}},{"kind":"Field","name":{"kind":"Name","value":"cumulateUser"}},{"kind":"Field","name":{"kind":"Name","value":"userSource"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsUserCumulateQuery, AnalyticsUserCumulateQueryVariables>;
export const WeChatEventsDocument = {"__meta__":{"hash":"sha256:fbc982903ee9f3ce60ff68fdfa5cbb2a67233b1846a1560c1370ffc12cc717cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WeChatEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WeChatEventType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wechatEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromUser"}},{"kind":"Field","name":{"kind":"Name","value":"toUser"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"msgType"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"menuId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"picUrl"}},{"kind":"Field","name":{"kind":"Name","value":"mediaId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoiceMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaId"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"recognition"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VideoMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaId"}},{"kind":"Field","name":{"kind":"Name","value":"thumbMediaId"}},{"kind":"Field","name":{"kind":"Name","value":"short"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramPageMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"pagePath"}},{"kind":"Field","name":{"kind":"Name","value":"thumbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbMediaId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"}},{"kind":"Field","name":{"kind":"Name","value":"eventKey"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScanEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeMessagePopupEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"popupScene"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeMessageChangeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"changes"},"name":{"kind":"Name","value":"subscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeMessageSentEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"msgId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorStatus"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserEnterTempSessionEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionFrom"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateSendJobFinishEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaCheckEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","alias":{"kind":"Name","value":"checkedAppId"},"name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"suggest"}},{"kind":"Field","name":{"kind":"Name","value":"riskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"suggest"}},{"kind":"Field","name":{"kind":"Name","value":"riskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"prob"}},{"kind":"Field","name":{"kind":"Name","value":"keyword"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WeChatEventsSubscription, WeChatEventsSubscriptionVariables>;
export const GenerateUrlSchemeDocument = {"__meta__":{"hash":"sha256:65ae4da8bb801cd6501fcaf728a42df87603cbfbc55cd230c7481f59711cf721"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateUrlScheme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateUrlSchemeInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateUrlScheme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openlink"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GenerateUrlSchemeMutation, GenerateUrlSchemeMutationVariables>;
export const GenerateUrlLinkDocument = {"__meta__":{"hash":"sha256:174553456495d6faef923b4bb7bba7d6dc7529705ed808bb60007237c963dcbf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateUrlLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateUrlLinkInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateUrlLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urlLink"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GenerateUrlLinkMutation, GenerateUrlLinkMutationVariables>;
export const GenerateShortLinkDocument = {"__meta__":{"hash":"sha256:8de114aefebf1e2c8e1e18516a7334bee879da6ee12ec4c741c50e8e4aaaa23b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateShortLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateShortLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateShortLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GenerateShortLinkMutation, GenerateShortLinkMutationVariables>;
export const UrlSchemeDocument = {"__meta__":{"hash":"sha256:a901cd510e1d9d0e9af495947b94cf037ad72f922df570f5da9057dbcee23d13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UrlScheme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urlScheme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"scheme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LinkInfoFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LinkInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramLinkInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appid"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"envVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"visitOpenid"}}]}}]} as unknown as DocumentNode<UrlSchemeQuery, UrlSchemeQueryVariables>;
export const UrlLinkDocument = {"__meta__":{"hash":"sha256:f5d45badf320e0c65eba52342e151b70142413ae5927e44643bade5cccc3e79f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UrlLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"urlLink"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urlLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"urlLink"},"value":{"kind":"Variable","name":{"kind":"Name","value":"urlLink"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LinkInfoFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LinkInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramLinkInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appid"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"envVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"visitOpenid"}}]}}]} as unknown as DocumentNode<UrlLinkQuery, UrlLinkQueryVariables>;
export const LocalDeliveryCarriersDocument = {"__meta__":{"hash":"sha256:9d5aee64caf91853de3ab01ee8f8067462427b842ff6aa53939bddb5cd188c0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalDeliveryCarriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localDeliveryCarriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryName"}}]}}]}}]} as unknown as DocumentNode<LocalDeliveryCarriersQuery, LocalDeliveryCarriersQueryVariables>;
export const LocalDeliveryShopsDocument = {"__meta__":{"hash":"sha256:c79e8ca7bd29b46ca962612c94ca255e2eed0dd71d2f81241a2d85e4771c5c13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalDeliveryShops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localDeliveryShops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"shopId"}},{"kind":"Field","name":{"kind":"Name","value":"auditResult"}}]}}]}}]} as unknown as DocumentNode<LocalDeliveryShopsQuery, LocalDeliveryShopsQueryVariables>;
export const LocalDeliveryQuoteDocument = {"__meta__":{"hash":"sha256:e8f815f156fe17254ae2110fdaeb900d7d66f3de1f0d2398c8de3a1e697819a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalDeliveryQuote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localDeliveryQuote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryFee"}},{"kind":"Field","name":{"kind":"Name","value":"couponFee"}},{"kind":"Field","name":{"kind":"Name","value":"tips"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceFee"}},{"kind":"Field","name":{"kind":"Name","value":"distance"}},{"kind":"Field","name":{"kind":"Name","value":"dispatchDuration"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryToken"}}]}}]}}]} as unknown as DocumentNode<LocalDeliveryQuoteQuery, LocalDeliveryQuoteQueryVariables>;
export const AddLocalDeliveryOrderDocument = {"__meta__":{"hash":"sha256:13a0af66d05609d9e7a2f3891dfbf9a9454dca3ecacde46181d65d47905cf85f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddLocalDeliveryOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addLocalDeliveryOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"orderStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryFee"}},{"kind":"Field","name":{"kind":"Name","value":"distance"}},{"kind":"Field","name":{"kind":"Name","value":"finishCode"}},{"kind":"Field","name":{"kind":"Name","value":"pickupCode"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<AddLocalDeliveryOrderMutation, AddLocalDeliveryOrderMutationVariables>;
export const LocalDeliveryOrderDocument = {"__meta__":{"hash":"sha256:7c2aee30798f9825dc64d86b7dd3dfd5f9575436c88b191fe61265c7bee6cc1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalDeliveryOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryOrderRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localDeliveryOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderStatus"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"riderName"}},{"kind":"Field","name":{"kind":"Name","value":"riderPhone"}},{"kind":"Field","name":{"kind":"Name","value":"riderLng"}},{"kind":"Field","name":{"kind":"Name","value":"riderLat"}},{"kind":"Field","name":{"kind":"Name","value":"reachTime"}}]}}]}}]} as unknown as DocumentNode<LocalDeliveryOrderQuery, LocalDeliveryOrderQueryVariables>;
export const LocalDeliveryCancelFeeDocument = {"__meta__":{"hash":"sha256:02f09984a6c403da29b8e9b2d995a5cc3ae9215e78a53b4f6be31b05f031fd50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalDeliveryCancelFee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryCancelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localDeliveryCancelFee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deductFee"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<LocalDeliveryCancelFeeQuery, LocalDeliveryCancelFeeQueryVariables>;
export const CancelLocalDeliveryOrderDocument = {"__meta__":{"hash":"sha256:0251d9250c0f9ae0827bc0be019063bf273a48470650853954bb25a8d8e8de81"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelLocalDeliveryOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryCancelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelLocalDeliveryOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deductFee"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<CancelLocalDeliveryOrderMutation, CancelLocalDeliveryOrderMutationVariables>;
export const AddLocalDeliveryTipsDocument = {"__meta__":{"hash":"sha256:c8cf52a7b516d76af0607a5dfe8132c1e5b84158e953d7be196ce1aa76d344fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddLocalDeliveryTips"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDeliveryTipsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addLocalDeliveryTips"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tips"}}]}}]}}]} as unknown as DocumentNode<AddLocalDeliveryTipsMutation, AddLocalDeliveryTipsMutationVariables>;
export const DeliveryEventsDocument = {"__meta__":{"hash":"sha256:b417a2cce8373d8917303a041186598adcc7283b7e088b52792940f078a6ce98"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeliveryEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wechatEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EXPRESS_PATH"},{"kind":"EnumValue","value":"WAYBILL_STATUS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fromUser"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExpressPathEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WaybillStatusEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shopId"}},{"kind":"Field","name":{"kind":"Name","value":"shopOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"orderStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actionTime"}},{"kind":"Field","name":{"kind":"Name","value":"actionMsg"}},{"kind":"Field","name":{"kind":"Name","value":"riderName"}},{"kind":"Field","name":{"kind":"Name","value":"riderPhone"}}]}}]}}]}}]} as unknown as DocumentNode<DeliveryEventsSubscription, DeliveryEventsSubscriptionVariables>;
export const LogisticsCarriersDocument = {"__meta__":{"hash":"sha256:255542899fe456411c933db67dbe2281f1b622dca2894bfe7620e322767decdf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogisticsCarriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logisticsCarriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryName"}},{"kind":"Field","name":{"kind":"Name","value":"canGetQuota"}}]}}]}}]} as unknown as DocumentNode<LogisticsCarriersQuery, LogisticsCarriersQueryVariables>;
export const LogisticsAccountsDocument = {"__meta__":{"hash":"sha256:9fffbc0b8bc16fa96bdd0b3662426db05e97626fb245b8f008c974ec0e5633d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogisticsAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logisticsAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bizId"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"quotaNum"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}}]}}]}}]} as unknown as DocumentNode<LogisticsAccountsQuery, LogisticsAccountsQueryVariables>;
export const AddLogisticsOrderDocument = {"__meta__":{"hash":"sha256:c4d591a0ad7daa00513c499034c1195076fbfd6a89818a59ac7b0d826ea1725d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddLogisticsOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogisticsOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addLogisticsOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryResultCode"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryResultMsg"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<AddLogisticsOrderMutation, AddLogisticsOrderMutationVariables>;
export const LogisticsOrderDocument = {"__meta__":{"hash":"sha256:abdc11fdd109997db0c4ec26d6bce5fdcc54a5f4b558132e294d5b2b3b22d597"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogisticsOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogisticsOrderRefInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WaybillPrintType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logisticsOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}},{"kind":"Argument","name":{"kind":"Name","value":"printType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"printHtml"}},{"kind":"Field","name":{"kind":"Name","value":"printHtmlBase64"}},{"kind":"Field","name":{"kind":"Name","value":"waybillData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<LogisticsOrderQuery, LogisticsOrderQueryVariables>;
export const CancelLogisticsOrderDocument = {"__meta__":{"hash":"sha256:8061fd1ff47525b8d57109211775cd623b80774c3e1459884dc781ad2180cfcd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelLogisticsOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogisticsOrderRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelLogisticsOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryResultCode"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryResultMsg"}}]}}]}}]} as unknown as DocumentNode<CancelLogisticsOrderMutation, CancelLogisticsOrderMutationVariables>;
export const LogisticsPathDocument = {"__meta__":{"hash":"sha256:f2d6d4bb0a408d9adcd2674c3fad43a1d1980dad0da568e335793a937425b58a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogisticsPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogisticsOrderRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logisticsPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"waybillId"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogisticsPathQuery, LogisticsPathQueryVariables>;
export const LogisticsQuotaDocument = {"__meta__":{"hash":"sha256:e1e9002e2889f63a3cf32b4b0f03d7773472c5cc44ece95de42c9c5c0830b3b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogisticsQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logisticsQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deliveryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"bizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]} as unknown as DocumentNode<LogisticsQuotaQuery, LogisticsQuotaQueryVariables>;
export const SendSubscribeMessageDocument = {"__meta__":{"hash":"sha256:f89f7721bda0e5a7fdf346d48ad245dfa790f750411883cf259822c951e03ab0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSubscribeMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeMessageInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSubscribeMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"toOpenid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"mediaId"}}]}}]}}]} as unknown as DocumentNode<SendSubscribeMessageMutation, SendSubscribeMessageMutationVariables>;
export const SendCustomerServiceMessageDocument = {"__meta__":{"hash":"sha256:757bf08fe8e551a368ecf0b7dc380840599ee5884e6ecc82b94ae95f85c314e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendCustomerServiceMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerServiceMessageInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendCustomerServiceMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"toOpenid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"mediaId"}}]}}]}}]} as unknown as DocumentNode<SendCustomerServiceMessageMutation, SendCustomerServiceMessageMutationVariables>;
export const SetCustomerServiceTypingDocument = {"__meta__":{"hash":"sha256:61a6f953567f05724f29ead90d9c4371eda44d0fe333cd34b1fa871f2cd19ac9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCustomerServiceTyping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"typing"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCustomerServiceTyping"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"toOpenid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}}},{"kind":"Argument","name":{"kind":"Name","value":"typing"},"value":{"kind":"Variable","name":{"kind":"Name","value":"typing"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}]}]}}]} as unknown as DocumentNode<SetCustomerServiceTypingMutation, SetCustomerServiceTypingMutationVariables>;
export const SubscribeMessageTemplatesDocument = {"__meta__":{"hash":"sha256:31463f49587b3cdfbbb4c77ec9501c42a7334974dd65fa785e7ce3432cfec707"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubscribeMessageTemplates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscribeMessageTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"example"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"valueType"}},{"kind":"Field","name":{"kind":"Name","value":"allowedValues"}}]}}]}}]}}]} as unknown as DocumentNode<SubscribeMessageTemplatesQuery, SubscribeMessageTemplatesQueryVariables>;
export const OcrBankCardDocument = {"__meta__":{"hash":"sha256:27d1794d558a326f734fad56d9197624caec2183537b4e83ea5e2066a1a005b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrBankCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrBankCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<OcrBankCardQuery, OcrBankCardQueryVariables>;
export const OcrIdCardDocument = {"__meta__":{"hash":"sha256:fc604d1b058dc652fa093ced087f09963d9439b0427e6d53985b6a4d5cffc625"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrIdCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OcrMode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrIdCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"validDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"cardProperty"}}]}}]}}]} as unknown as DocumentNode<OcrIdCardQuery, OcrIdCardQueryVariables>;
export const OcrPrintedTextDocument = {"__meta__":{"hash":"sha256:93d5c6e89a93bb937d9e509dea96aaa2d5cf3b933af9c3bb5c02af74362e6512"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrPrintedText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrPrintedText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leftTop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rightTop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rightBottom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leftBottom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]} as unknown as DocumentNode<OcrPrintedTextQuery, OcrPrintedTextQueryVariables>;
export const OcrBusinessLicenseDocument = {"__meta__":{"hash":"sha256:6e1c64022b8c8dbfd59a4d26b8115a7149ca56882c6e76e3fa6186d8b298e4cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrBusinessLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrBusinessLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseName"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"certPosition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leftTop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]} as unknown as DocumentNode<OcrBusinessLicenseQuery, OcrBusinessLicenseQueryVariables>;
export const OcrDriverLicenseDocument = {"__meta__":{"hash":"sha256:53a5c5054b6a175d4d6cbada472d01ed46e0e6f72a07e187eaac437fe7c3febf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrDriverLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrDriverLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"carClass"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]} as unknown as DocumentNode<OcrDriverLicenseQuery, OcrDriverLicenseQueryVariables>;
export const OcrVehicleLicenseDocument = {"__meta__":{"hash":"sha256:15e659390ea8fc40513d113e902306dde775cfe1aa65cb88719a42a38e6da683"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrVehicleLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrVehicleLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleType"}},{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"cardPositionFront"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leftTop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]} as unknown as DocumentNode<OcrVehicleLicenseQuery, OcrVehicleLicenseQueryVariables>;
export const OcrPlateNumberDocument = {"__meta__":{"hash":"sha256:e7f7adc681f5760547cebbc14ae09a3b0df43b3f8a43961e615475408c028d24"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcrPlateNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrPlateNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"imageUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imageUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<OcrPlateNumberQuery, OcrPlateNumberQueryVariables>;
export const CreateOfficialAccountQrCodeDocument = {"__meta__":{"hash":"sha256:9b8484783cd945dd4470774b6ce78cf296c0237346a71aa7ff29bcff3afe6a77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOfficialAccountQRCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOfficialAccountQRCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOfficialAccountQRCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"contentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"sceneId"}},{"kind":"Field","name":{"kind":"Name","value":"sceneStr"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}}]}}]}}]} as unknown as DocumentNode<CreateOfficialAccountQrCodeMutation, CreateOfficialAccountQrCodeMutationVariables>;
export const OfficialAccountQrCodeQuotaDocument = {"__meta__":{"hash":"sha256:644432a43c3a76f362dfda4c289daeec42f80ce214530f8b46150b2efa33547c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficialAccountQRCodeQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officialAccountQRCodeQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permanentUsed"}},{"kind":"Field","name":{"kind":"Name","value":"permanentTotal"}},{"kind":"Field","name":{"kind":"Name","value":"permanentRemaining"}}]}}]}}]} as unknown as DocumentNode<OfficialAccountQrCodeQuotaQuery, OfficialAccountQrCodeQuotaQueryVariables>;
export const SendTemplateMessageDocument = {"__meta__":{"hash":"sha256:673d1c7c4124228ffaa294c0be785a7d20e81c3379a6e30b35229a50828ccc57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTemplateMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateMessageDataEntry"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"miniProgram"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramJumpInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTemplateMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"toOpenid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}}},{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"miniProgram"},"value":{"kind":"Variable","name":{"kind":"Name","value":"miniProgram"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msgId"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}}]}}]}}]} as unknown as DocumentNode<SendTemplateMessageMutation, SendTemplateMessageMutationVariables>;
export const OfficialAccountTemplatesDocument = {"__meta__":{"hash":"sha256:5ce6480d67e142b00e9cb5a8777f90c719bb175ca6a7ebb2c74474df31c9b59e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficialAccountTemplates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fresh"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officialAccountTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"fresh"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fresh"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"primaryIndustry"}},{"kind":"Field","name":{"kind":"Name","value":"deputyIndustry"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"example"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}},{"kind":"Field","name":{"kind":"Name","value":"shownPlaceholders"}}]}}]}}]} as unknown as DocumentNode<OfficialAccountTemplatesQuery, OfficialAccountTemplatesQueryVariables>;
export const AddOfficialAccountTemplateDocument = {"__meta__":{"hash":"sha256:bc0207659fbe1bc60b0b90fa3f0871bf1976a666420bb178b04f4f011813ff1c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddOfficialAccountTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shortId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keywordNames"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addOfficialAccountTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"shortId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shortId"}}},{"kind":"Argument","name":{"kind":"Name","value":"keywordNames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keywordNames"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}}]}}]}}]} as unknown as DocumentNode<AddOfficialAccountTemplateMutation, AddOfficialAccountTemplateMutationVariables>;
export const DeleteOfficialAccountTemplateDocument = {"__meta__":{"hash":"sha256:922f376f423899c3a8d5439ecde19101e0dff43870533e8e0beb7c03183d78b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOfficialAccountTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteOfficialAccountTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}}]}]}}]} as unknown as DocumentNode<DeleteOfficialAccountTemplateMutation, DeleteOfficialAccountTemplateMutationVariables>;
export const OfficialAccountIndustryDocument = {"__meta__":{"hash":"sha256:792ec7a1aed1fa5fbaac604ae30cfcbfc716f02a92fc7567271def30439e127a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficialAccountIndustry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officialAccountIndustry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"primary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstClass"}},{"kind":"Field","name":{"kind":"Name","value":"secondClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secondary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstClass"}},{"kind":"Field","name":{"kind":"Name","value":"secondClass"}}]}}]}}]}}]} as unknown as DocumentNode<OfficialAccountIndustryQuery, OfficialAccountIndustryQueryVariables>;
export const SetOfficialAccountIndustryDocument = {"__meta__":{"hash":"sha256:37ee3274d0848d939a5a6f3b4550f7588867f9b6aeb15c7777c80ec2efb7f3bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOfficialAccountIndustry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"primary"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secondary"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOfficialAccountIndustry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"primaryIndustryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"primary"}}},{"kind":"Argument","name":{"kind":"Name","value":"secondaryIndustryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secondary"}}}]}]}}]} as unknown as DocumentNode<SetOfficialAccountIndustryMutation, SetOfficialAccountIndustryMutationVariables>;
export const SendSubscriptionNotificationDocument = {"__meta__":{"hash":"sha256:35371f01323b87bf5b5251c595594d42b1e4ef815572c4b9e65adb8729a05258"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSubscriptionNotification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubscriptionNotificationDataEntry"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"miniProgram"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramJumpInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSubscriptionNotification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"toOpenid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOpenid"}}},{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"miniProgram"},"value":{"kind":"Variable","name":{"kind":"Name","value":"miniProgram"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<SendSubscriptionNotificationMutation, SendSubscriptionNotificationMutationVariables>;
export const CreateShortKeyDocument = {"__meta__":{"hash":"sha256:6ec8e55e7cb33511d1c12f908a6cb9058fd947b8aaefe8cdcd17bb660f11c561"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateShortKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expireSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShortKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"expireSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expireSeconds"}}}]}]}}]} as unknown as DocumentNode<CreateShortKeyMutation, CreateShortKeyMutationVariables>;
export const ShortKeyDocument = {"__meta__":{"hash":"sha256:1ede73f9e1f4f1f791781d0c95c12a5533893c4e4e22c5aa249b62fa409a1342"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShortKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ShortKeyQuery, ShortKeyQueryVariables>;
export const PublisherAdSlotStatsDocument = {"__meta__":{"hash":"sha256:1e22e49faac96a212bc20d496702dd510f5377e672dba3829c6b821cb4042f2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublisherAdSlotStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"adSlot"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publisherAdSlotStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"adSlot"},"value":{"kind":"Variable","name":{"kind":"Name","value":"adSlot"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdSlotStatsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdSlotStatsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdSlotStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublisherAdSlotStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"adSlot"}},{"kind":"Field","name":{"kind":"Name","value":"slotId"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"exposures"}},{"kind":"Field","name":{"kind":"Name","value":"exposureRate"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"clickRate"}},{"kind":"Field","name":{"kind":"Name","value":"incomeFen"}},{"kind":"Field","name":{"kind":"Name","value":"ecpm"}}]}}]} as unknown as DocumentNode<PublisherAdSlotStatsQuery, PublisherAdSlotStatsQueryVariables>;
export const PublisherCommissionStatsDocument = {"__meta__":{"hash":"sha256:c796c4376dcde38cbcc90a70d7d24ee5fcdf7faf0530cb1bbeacabdf1127db80"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublisherCommissionStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publisherCommissionStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommissionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommissionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommissionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublisherCommissionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"exposures"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"clickRatePercent"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"orderRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"totalCommissionFen"}}]}}]} as unknown as DocumentNode<PublisherCommissionStatsQuery, PublisherCommissionStatsQueryVariables>;
export const PublisherSettlementsDocument = {"__meta__":{"hash":"sha256:628ed00da35f9f3fe5e9c800d9cfcf0f3d7ccf4eb528be2480839c698eec9b2b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublisherSettlements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publisherSettlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"penaltyAllFen"}},{"kind":"Field","name":{"kind":"Name","value":"revenueAllFen"}},{"kind":"Field","name":{"kind":"Name","value":"settledRevenueAllFen"}},{"kind":"Field","name":{"kind":"Name","value":"settlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"settledRevenueFen"}},{"kind":"Field","name":{"kind":"Name","value":"settlementNo"}},{"kind":"Field","name":{"kind":"Name","value":"mailsSent"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adSlot"}},{"kind":"Field","name":{"kind":"Name","value":"settledRevenueFen"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<PublisherSettlementsQuery, PublisherSettlementsQueryVariables>;
export const OfficialAccountEventsDocument = {"__meta__":{"hash":"sha256:162f0044db9dc369a4714adc54a13edaef2ce60068f86e1001145ee9386e36bd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OfficialAccountEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wechatEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fromUser"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextMessageEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateSendJobFinishEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"qrCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"sceneId"}},{"kind":"Field","name":{"kind":"Name","value":"sceneStr"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScanEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"qrCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"sceneId"}},{"kind":"Field","name":{"kind":"Name","value":"sceneStr"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OfficialAccountEventsSubscription, OfficialAccountEventsSubscriptionVariables>;
export const AppsDocument = {"__meta__":{"hash":"sha256:929ea18002c3803a6324fbada92fc38820d44d76317cf2cd70e67741d741cf45"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Apps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pushEnabled"}}]}}]}}]} as unknown as DocumentNode<AppsQuery, AppsQueryVariables>;
export const ServerIpsDocument = {"__meta__":{"hash":"sha256:6fd140c9cb76e4257aeac902debe19fb715998541e075699481426484814579f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerIps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wechatServerIps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiDomain"}},{"kind":"Field","name":{"kind":"Name","value":"callback"}}]}}]}}]} as unknown as DocumentNode<ServerIpsQuery, ServerIpsQueryVariables>;
export const ApiDomainIpsDocument = {"__meta__":{"hash":"sha256:a03471b7a229544057bc556425aad11ed78e24835a8fe933e3889c0ec087e801"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiDomainIps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wechatServerIps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiDomain"}}]}}]}}]} as unknown as DocumentNode<ApiDomainIpsQuery, ApiDomainIpsQueryVariables>;
export const ApiQuotaDocument = {"__meta__":{"hash":"sha256:8dcecfa08b0ed201351f3361b3ff514b42487f4e12f3da066adb959505971f8b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"dailyLimit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remain"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitCalls"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitWindowSeconds"}}]}}]}}]} as unknown as DocumentNode<ApiQuotaQuery, ApiQuotaQueryVariables>;
export const ApiRequestDocument = {"__meta__":{"hash":"sha256:b7a2d9185914c11bece9df34290c60d51a6c8238ad82fdc8db76a8af69e19bd2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"costMs"}},{"kind":"Field","name":{"kind":"Name","value":"requestUrl"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}}]}}]}}]} as unknown as DocumentNode<ApiRequestQuery, ApiRequestQueryVariables>;
export const AccessTokenDocument = {"__meta__":{"hash":"sha256:71c5ac3cbd82f1363e015f62d6b05ce3f1d39f7d88a1e65f84a4d309b23d8236"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<AccessTokenQuery, AccessTokenQueryVariables>;
export const TokenStatusDocument = {"__meta__":{"hash":"sha256:40d22082abbff4f258d33bd29fb11a6f0c86cb513a3354d92a8a32164800d470"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"sharedStore"}}]}}]}}]} as unknown as DocumentNode<TokenStatusQuery, TokenStatusQueryVariables>;
export const CreateQrCodeDocument = {"__meta__":{"hash":"sha256:4593d3836a2ead28e9a9da759d7c35f1a8646ce5ee6829e22c44ba71abdc676f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateQRCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateQRCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createQRCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}}]}}]}}]} as unknown as DocumentNode<CreateQrCodeMutation, CreateQrCodeMutationVariables>;
export const CreateQrCodeWithDataDocument = {"__meta__":{"hash":"sha256:4e28959c5e6b6b037c92cf830f97c360d4f8b0f81011f57b130c6e2f52f261bd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateQRCodeWithData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateQRCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createQRCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}}]}}]}}]} as unknown as DocumentNode<CreateQrCodeWithDataMutation, CreateQrCodeWithDataMutationVariables>;
export const QrCodeQuotaDocument = {"__meta__":{"hash":"sha256:752942479bbb66891322be609876e1e82df0e64298a61da174cb2f5a6997b65d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QRCodeQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrCodeQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limitedUsed"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"limitedRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"unlimitedCacheSeconds"}}]}}]}}]} as unknown as DocumentNode<QrCodeQuotaQuery, QrCodeQuotaQueryVariables>;
export const RealtimeLogsDocument = {"__meta__":{"hash":"sha256:96323f1895b9bfc6c54a80e16f377f347bcec5cfad193dee07e7219a76ae6b34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RealtimeLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filterMessage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minLevel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeLogLevel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realtimeLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openid"}}},{"kind":"Argument","name":{"kind":"Name","value":"filterMessage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filterMessage"}}},{"kind":"Argument","name":{"kind":"Name","value":"minLevel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minLevel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"nextOffset"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levels"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"platformCode"}},{"kind":"Field","name":{"kind":"Name","value":"libraryVersion"}},{"kind":"Field","name":{"kind":"Name","value":"clientVersion"}},{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"loggedAt"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"filterMessage"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loggedAt"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"texts"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RealtimeLogsQuery, RealtimeLogsQueryVariables>;
export const CheckTextDocument = {"__meta__":{"hash":"sha256:c368253829a4b0beba8981d1fb06aa76b4a5b8567dcc521811d72ef00d5ed50e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TextCheckInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"suggest"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelCode"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"suggest"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelCode"}},{"kind":"Field","name":{"kind":"Name","value":"keyword"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}}]}}]}}]}}]} as unknown as DocumentNode<CheckTextMutation, CheckTextMutationVariables>;
export const CheckImageDocument = {"__meta__":{"hash":"sha256:ab4c136dcca4504127af5be25a7780b9a60d7d245d05b2874b761e12a7645aa6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggest"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]} as unknown as DocumentNode<CheckImageMutation, CheckImageMutationVariables>;
export const CheckMediaAsyncDocument = {"__meta__":{"hash":"sha256:a5b112b37fc7a2b6475a26db257176961c60c7c7160ad28ed462f2df78e2546e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckMediaAsync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaCheckInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkMediaAsync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}}]}}]}}]} as unknown as DocumentNode<CheckMediaAsyncMutation, CheckMediaAsyncMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:b2ff9de3b911c08f381d868bb361f65f0d8d9c85044d38d43a568eaadecf2dd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:f5ba559db8afb0cd95bd0259eb40b2b5052718be8398ddfbd6c4b7a5fca43bc3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}},{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"purePhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SessionKeyValidDocument = {"__meta__":{"hash":"sha256:814d14060324420771bd98a0b0b0d1f390b873f44c5459b402f61af6a1c4c05c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionKeyValid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionKeyValid"}}]}}]}}]} as unknown as DocumentNode<SessionKeyValidQuery, SessionKeyValidQueryVariables>;
export const BindPhoneNumberDocument = {"__meta__":{"hash":"sha256:ac81431cc223fdc598321356d5acd6025108efdd8ecc624b641dc086a0be9773"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BindPhoneNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bindPhoneNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"purePhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]} as unknown as DocumentNode<BindPhoneNumberMutation, BindPhoneNumberMutationVariables>;
export const DecryptUserDataDocument = {"__meta__":{"hash":"sha256:8b3f82b6cd9852809d7713c78912d982350e0ec549439112f8ddb0a3e3b92454"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecryptUserData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"encryptedData"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"iv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decryptUserData"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"encryptedData"},"value":{"kind":"Variable","name":{"kind":"Name","value":"encryptedData"}}},{"kind":"Argument","name":{"kind":"Name","value":"iv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"iv"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"watermarkTimestamp"}}]}}]}}]} as unknown as DocumentNode<DecryptUserDataMutation, DecryptUserDataMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"sha256:cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const PaidUnionIdDocument = {"__meta__":{"hash":"sha256:3bdd4aefb5a8354051534a77ae1ef5062486c1aaef8e22ee6a263352a5881557"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaidUnionId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transactionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mchId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outTradeNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paidUnionId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openid"}}},{"kind":"Argument","name":{"kind":"Name","value":"transactionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transactionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"mchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"outTradeNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outTradeNo"}}}]}]}}]} as unknown as DocumentNode<PaidUnionIdQuery, PaidUnionIdQueryVariables>;
export const UserRiskRankDocument = {"__meta__":{"hash":"sha256:650a54abcf4da82cb162678d79b481a2795fdfc32b5e7d39cedcf9246fc372e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserRiskRank"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRiskRankInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userRiskRank"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskRank"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}}]}}]} as unknown as DocumentNode<UserRiskRankQuery, UserRiskRankQueryVariables>;
export const MyEncryptKeysDocument = {"__meta__":{"hash":"sha256:e7894f777a05e215664f35387175fa49e3482ff25c5fac1b3ef86832e1a662f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEncryptKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEncryptKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encryptKey"}},{"kind":"Field","name":{"kind":"Name","value":"iv"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}}]}}]}}]} as unknown as DocumentNode<MyEncryptKeysQuery, MyEncryptKeysQueryVariables>;
export const OaUserDocument = {"__meta__":{"hash":"sha256:8ef8e1ab8dabf070ae6f5d35a6e0e99f7c0bc37b03fce92994dfe0a699505f78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openid"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OaUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OaUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribed"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subscribeScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrSceneStr"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"tagIds"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"headImgUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<OaUserQuery, OaUserQueryVariables>;
export const OaUsersDocument = {"__meta__":{"hash":"sha256:6920c9d3a9fabdf08d2a7e4fef76a706bcd14b4afbcf41add01cc09a3683bfb4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openids"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OaUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OaUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribed"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subscribeScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrScene"}},{"kind":"Field","name":{"kind":"Name","value":"qrSceneStr"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"tagIds"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"headImgUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<OaUsersQuery, OaUsersQueryVariables>;
export const OaUsersRemarkDocument = {"__meta__":{"hash":"sha256:fe105e0142ab8544426e81c358b0dc6846d8e3c7602fffd72e67af8c061be3bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaUsersRemark"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openids"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}}]}}]}}]} as unknown as DocumentNode<OaUsersRemarkQuery, OaUsersRemarkQueryVariables>;
export const OaUsersAskedTwiceDocument = {"__meta__":{"hash":"sha256:f7d8f7198b3e42e4d95c8fcc630c0da272987a1a654d70427bebf0ad3249209e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaUsersAskedTwice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"some"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"one"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openids"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"again"},"name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"some"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remark"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"one"},"name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"one"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unionid"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"same"},"name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"one"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagIds"}}]}}]}}]} as unknown as DocumentNode<OaUsersAskedTwiceQuery, OaUsersAskedTwiceQueryVariables>;
export const OaFollowerOpenidsDocument = {"__meta__":{"hash":"sha256:54e8f5d95573c74e8909796e9fee9529eed915fc70da54c6d48eb282e69d9393"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaFollowerOpenids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OaFollowerOpenidsQuery, OaFollowerOpenidsQueryVariables>;
export const OaFollowerOpenidsByFragmentDocument = {"__meta__":{"hash":"sha256:3464846e5d51c7bf9699c48a80a5811c63942eb3ce5a1aa598d101d050480458"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaFollowerOpenidsByFragment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OaOpenidOnly"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OaOpenidOnly"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfficialAccountUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<OaFollowerOpenidsByFragmentQuery, OaFollowerOpenidsByFragmentQueryVariables>;
export const OaFollowerProfilesDocument = {"__meta__":{"hash":"sha256:d0121c7eee559b5f730576f47966e8184d8030043c97e17bc81d025831a735b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaFollowerProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"subscribed"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subscribeScene"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OaFollowerProfilesQuery, OaFollowerProfilesQueryVariables>;
export const OaBlacklistDocument = {"__meta__":{"hash":"sha256:d039b37bcccd0453859a267eb5f841bf8401d77973c991df9b383678f2bce7d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OaBlacklist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blacklist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OaBlacklistQuery, OaBlacklistQueryVariables>;
export const OaBlockUsersDocument = {"__meta__":{"hash":"sha256:ef2f0b84df1476bb07d22cbc7c0b214f31df903b8f64b1c766a0a4af0484e259"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OaBlockUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blockUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openids"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}]}]}}]} as unknown as DocumentNode<OaBlockUsersMutation, OaBlockUsersMutationVariables>;
export const OaUnblockUsersDocument = {"__meta__":{"hash":"sha256:b0a464ac23fe343ca97ef02f5f0ca5bad318d4e501211273c27b033e153f53c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OaUnblockUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unblockUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openids"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}]}]}}]} as unknown as DocumentNode<OaUnblockUsersMutation, OaUnblockUsersMutationVariables>;
export const OaSetUserRemarkDocument = {"__meta__":{"hash":"sha256:2532268b7c2339c7fdca676fe6637186ad29e31b22caa8d57c0f1980b94204df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OaSetUserRemark"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remark"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"officialAccount","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserRemark"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openid"}}},{"kind":"Argument","name":{"kind":"Name","value":"remark"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remark"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}}]}}]}}]} as unknown as DocumentNode<OaSetUserRemarkMutation, OaSetUserRemarkMutationVariables>;
export const WebAuthorizationUrlDocument = {"__meta__":{"hash":"sha256:4c1b71edd7662f3e06815b0987e1e7b0cd111bdb47047099745e9144b8575e6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebAuthorizationUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebAuthScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webAuthorizationUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"redirectUri"},"value":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}]}]}}]} as unknown as DocumentNode<WebAuthorizationUrlQuery, WebAuthorizationUrlQueryVariables>;
export const WebLoginDocument = {"__meta__":{"hash":"sha256:34430073e4f635948226863f42350034e806393780d3ed553b985553a3ef0467"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"app"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"app"},"value":{"kind":"Variable","name":{"kind":"Name","value":"app"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"unionid"}},{"kind":"Field","name":{"kind":"Name","value":"signedInWith"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebLoginMutation, WebLoginMutationVariables>;
export const MeProfileDocument = {"__meta__":{"hash":"sha256:4d97001f7265ac99a3b6fda484cbf92423afa328637f11274e137b432882a4af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openid"}},{"kind":"Field","name":{"kind":"Name","value":"signedInWith"}},{"kind":"Field","name":{"kind":"Name","value":"sessionKeyValid"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}}]}}]}}]}}]} as unknown as DocumentNode<MeProfileQuery, MeProfileQueryVariables>;
export const ViewerEventsDocument = {"__meta__":{"hash":"sha256:df10cfebdb9ef8d9ad525f186c5644210bf9702b1d3d44c219b51c65d714fcc4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"msgType"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<ViewerEventsSubscription, ViewerEventsSubscriptionVariables>;