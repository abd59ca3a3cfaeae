/* eslint-disable */
import * as types from './graphql.js';



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
    "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    purePhoneNumber\n    countryCode\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    content\n  }\n}": typeof types.LoginDocument,
};
const documents: Documents = {
    "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    purePhoneNumber\n    countryCode\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    content\n  }\n}": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($code: String!, $app: String) {\n  login(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    unionid\n    sessionExpiresAt\n  }\n}\n\nmutation BindPhoneNumber($code: String!) {\n  bindPhoneNumber(code: $code) {\n    purePhoneNumber\n    countryCode\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    content\n  }\n}"): typeof import('./graphql.js').LoginDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
