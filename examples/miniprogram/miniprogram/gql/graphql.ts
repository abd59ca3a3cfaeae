/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a WeChat push is: a user message (MsgType) or an event (MsgType `event`, by its Event). */
export type WeChatEventType =
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
  | 'VOICE';

export type LoginMutationVariables = Exact<{
  code: string;
  app?: string | null | undefined;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { openid: string, unionid: string | null, sessionExpiresAt: string } };

export type BindPhoneNumberMutationVariables = Exact<{
  code: string;
}>;


export type BindPhoneNumberMutation = { bindPhoneNumber: { purePhoneNumber: string, countryCode: string } };

export type MyEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyEventsSubscription = { viewerEvents: { id: string, type: WeChatEventType, content: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LoginDocument = new TypedDocumentString(`
    mutation Login($code: String!, $app: String) {
  login(code: $code, app: $app) {
    token
    expiresAt
  }
}
    `, {"hash":"sha256:1e37328ad4588c826641140375156f58dc86efa7b58ab45d160148a6d44211fb"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    openid
    unionid
    sessionExpiresAt
  }
}
    `, {"hash":"sha256:e70bb300dfbab5f2331c1098757bba084467d240113075a0827bf8ef2fdc879e"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const BindPhoneNumberDocument = new TypedDocumentString(`
    mutation BindPhoneNumber($code: String!) {
  bindPhoneNumber(code: $code) {
    purePhoneNumber
    countryCode
  }
}
    `, {"hash":"sha256:2d4aab6321a2e1c39004d9a02f4771f3eb3bd3fb7ff7789d5275625776362e9d"}) as unknown as TypedDocumentString<BindPhoneNumberMutation, BindPhoneNumberMutationVariables>;
export const MyEventsDocument = new TypedDocumentString(`
    subscription MyEvents {
  viewerEvents {
    id
    type
    content
  }
}
    `, {"hash":"sha256:342923739e61aad4ad3fa570695dbab59734c717d7fdb9ab344c272ad89e7bcd"}) as unknown as TypedDocumentString<MyEventsSubscription, MyEventsSubscriptionVariables>;