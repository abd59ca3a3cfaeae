/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Apps {\n  apps {\n    id\n    appId\n    kind\n    pushEnabled\n  }\n}\n\nquery ServerIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n    callback\n  }\n}\n\nquery ApiDomainIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n  }\n}\n\nquery ApiQuota($path: String!) {\n  apiQuota(path: $path) {\n    path\n    dailyLimit\n    used\n    remain\n    rateLimitCalls\n    rateLimitWindowSeconds\n  }\n}\n\nquery ApiRequest($rid: String!) {\n  apiRequest(rid: $rid) {\n    invokedAt\n    costMs\n    requestUrl\n    responseBody\n  }\n}\n\nquery AccessToken($app: String) {\n  accessToken(app: $app) {\n    value\n    expiresAt\n  }\n}\n\nquery TokenStatus($app: String) {\n  tokenStatus(app: $app) {\n    appId\n    source\n    refreshedAt\n    expiresAt\n    sharedStore\n  }\n}": typeof types.AppsDocument,
    "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n    viewer {\n      openid\n      unionid\n    }\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n    app {\n      id\n    }\n    phoneNumber {\n      phoneNumber\n      purePhoneNumber\n      countryCode\n    }\n  }\n}\n\nquery SessionKeyValid {\n  me {\n    sessionKeyValid\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    phoneNumber\n    purePhoneNumber\n    countryCode\n  }\n}\n\nmutation DecryptUserData($encryptedData: String!, $iv: String!) {\n  decryptUserData(encryptedData: $encryptedData, iv: $iv) {\n    data\n    watermarkTimestamp\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery PaidUnionId($openid: String!, $transactionId: String, $mchId: String, $outTradeNo: String) {\n  paidUnionId(\n    openid: $openid\n    transactionId: $transactionId\n    mchId: $mchId\n    outTradeNo: $outTradeNo\n  )\n}": typeof types.LoginDocument,
};
const documents: Documents = {
    "query Apps {\n  apps {\n    id\n    appId\n    kind\n    pushEnabled\n  }\n}\n\nquery ServerIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n    callback\n  }\n}\n\nquery ApiDomainIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n  }\n}\n\nquery ApiQuota($path: String!) {\n  apiQuota(path: $path) {\n    path\n    dailyLimit\n    used\n    remain\n    rateLimitCalls\n    rateLimitWindowSeconds\n  }\n}\n\nquery ApiRequest($rid: String!) {\n  apiRequest(rid: $rid) {\n    invokedAt\n    costMs\n    requestUrl\n    responseBody\n  }\n}\n\nquery AccessToken($app: String) {\n  accessToken(app: $app) {\n    value\n    expiresAt\n  }\n}\n\nquery TokenStatus($app: String) {\n  tokenStatus(app: $app) {\n    appId\n    source\n    refreshedAt\n    expiresAt\n    sharedStore\n  }\n}": types.AppsDocument,
    "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n    viewer {\n      openid\n      unionid\n    }\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n    app {\n      id\n    }\n    phoneNumber {\n      phoneNumber\n      purePhoneNumber\n      countryCode\n    }\n  }\n}\n\nquery SessionKeyValid {\n  me {\n    sessionKeyValid\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    phoneNumber\n    purePhoneNumber\n    countryCode\n  }\n}\n\nmutation DecryptUserData($encryptedData: String!, $iv: String!) {\n  decryptUserData(encryptedData: $encryptedData, iv: $iv) {\n    data\n    watermarkTimestamp\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery PaidUnionId($openid: String!, $transactionId: String, $mchId: String, $outTradeNo: String) {\n  paidUnionId(\n    openid: $openid\n    transactionId: $transactionId\n    mchId: $mchId\n    outTradeNo: $outTradeNo\n  )\n}": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Apps {\n  apps {\n    id\n    appId\n    kind\n    pushEnabled\n  }\n}\n\nquery ServerIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n    callback\n  }\n}\n\nquery ApiDomainIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n  }\n}\n\nquery ApiQuota($path: String!) {\n  apiQuota(path: $path) {\n    path\n    dailyLimit\n    used\n    remain\n    rateLimitCalls\n    rateLimitWindowSeconds\n  }\n}\n\nquery ApiRequest($rid: String!) {\n  apiRequest(rid: $rid) {\n    invokedAt\n    costMs\n    requestUrl\n    responseBody\n  }\n}\n\nquery AccessToken($app: String) {\n  accessToken(app: $app) {\n    value\n    expiresAt\n  }\n}\n\nquery TokenStatus($app: String) {\n  tokenStatus(app: $app) {\n    appId\n    source\n    refreshedAt\n    expiresAt\n    sharedStore\n  }\n}"): (typeof documents)["query Apps {\n  apps {\n    id\n    appId\n    kind\n    pushEnabled\n  }\n}\n\nquery ServerIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n    callback\n  }\n}\n\nquery ApiDomainIps($app: String) {\n  wechatServerIps(app: $app) {\n    apiDomain\n  }\n}\n\nquery ApiQuota($path: String!) {\n  apiQuota(path: $path) {\n    path\n    dailyLimit\n    used\n    remain\n    rateLimitCalls\n    rateLimitWindowSeconds\n  }\n}\n\nquery ApiRequest($rid: String!) {\n  apiRequest(rid: $rid) {\n    invokedAt\n    costMs\n    requestUrl\n    responseBody\n  }\n}\n\nquery AccessToken($app: String) {\n  accessToken(app: $app) {\n    value\n    expiresAt\n  }\n}\n\nquery TokenStatus($app: String) {\n  tokenStatus(app: $app) {\n    appId\n    source\n    refreshedAt\n    expiresAt\n    sharedStore\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n    viewer {\n      openid\n      unionid\n    }\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n    app {\n      id\n    }\n    phoneNumber {\n      phoneNumber\n      purePhoneNumber\n      countryCode\n    }\n  }\n}\n\nquery SessionKeyValid {\n  me {\n    sessionKeyValid\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    phoneNumber\n    purePhoneNumber\n    countryCode\n  }\n}\n\nmutation DecryptUserData($encryptedData: String!, $iv: String!) {\n  decryptUserData(encryptedData: $encryptedData, iv: $iv) {\n    data\n    watermarkTimestamp\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery PaidUnionId($openid: String!, $transactionId: String, $mchId: String, $outTradeNo: String) {\n  paidUnionId(\n    openid: $openid\n    transactionId: $transactionId\n    mchId: $mchId\n    outTradeNo: $outTradeNo\n  )\n}"): (typeof documents)["mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n    viewer {\n      openid\n      unionid\n    }\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n    app {\n      id\n    }\n    phoneNumber {\n      phoneNumber\n      purePhoneNumber\n      countryCode\n    }\n  }\n}\n\nquery SessionKeyValid {\n  me {\n    sessionKeyValid\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    phoneNumber\n    purePhoneNumber\n    countryCode\n  }\n}\n\nmutation DecryptUserData($encryptedData: String!, $iv: String!) {\n  decryptUserData(encryptedData: $encryptedData, iv: $iv) {\n    data\n    watermarkTimestamp\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery PaidUnionId($openid: String!, $transactionId: String, $mchId: String, $outTradeNo: String) {\n  paidUnionId(\n    openid: $openid\n    transactionId: $transactionId\n    mchId: $mchId\n    outTradeNo: $outTradeNo\n  )\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;