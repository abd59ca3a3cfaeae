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

/** Official Account web authorization scope. */
export type WebAuthScope =
  /** snsapi_base: silent, gives the OpenID only. */
  | 'BASE'
  /** snsapi_userinfo: WeChat asks the user, and the nickname and avatar come with the OpenID. */
  | 'USERINFO';

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


export type WebLoginMutation = { webLogin: { token: string, expiresAt: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { openid: string, sessionExpiresAt: string, app: { id: string }, profile: { nickname: string | null, avatarUrl: string | null } | null } };

export type MyEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyEventsSubscription = { viewerEvents: { id: string, type: WeChatEventType, createTime: string, content: string | null } };

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

export const WebAuthorizationUrlDocument = new TypedDocumentString(`
    query WebAuthorizationUrl($redirectUri: String!, $scope: WebAuthScope, $state: String!, $app: String) {
  webAuthorizationUrl(
    redirectUri: $redirectUri
    scope: $scope
    state: $state
    app: $app
  )
}
    `, {"hash":"sha256:4c1b71edd7662f3e06815b0987e1e7b0cd111bdb47047099745e9144b8575e6f"}) as unknown as TypedDocumentString<WebAuthorizationUrlQuery, WebAuthorizationUrlQueryVariables>;
export const WebLoginDocument = new TypedDocumentString(`
    mutation WebLogin($code: String!, $app: String) {
  webLogin(code: $code, app: $app) {
    token
    expiresAt
  }
}
    `, {"hash":"sha256:272451ffb6f7bcd94291eb558c5ebf9e66216e66309c1d833347bcbe3d6dc5ba"}) as unknown as TypedDocumentString<WebLoginMutation, WebLoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    openid
    sessionExpiresAt
    app {
      id
    }
    profile {
      nickname
      avatarUrl
    }
  }
}
    `, {"hash":"sha256:a250bbae54ea38e3a2baea4c5e1158aef5ace34aa9b7bcae8b390cecd01b220e"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyEventsDocument = new TypedDocumentString(`
    subscription MyEvents {
  viewerEvents {
    id
    type
    createTime
    content
  }
}
    `, {"hash":"sha256:eb9195288051f1fef18e20bd71eb4198d83afdfaea2623e52926515588d8c750"}) as unknown as TypedDocumentString<MyEventsSubscription, MyEventsSubscriptionVariables>;