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
    "query WebAuthorizationUrl($redirectUri: String!, $scope: WebAuthScope, $state: String!, $app: String) {\n  webAuthorizationUrl(\n    redirectUri: $redirectUri\n    scope: $scope\n    state: $state\n    app: $app\n  )\n}\n\nmutation WebLogin($code: String!, $app: String) {\n  webLogin(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    sessionExpiresAt\n    app {\n      id\n    }\n    profile {\n      nickname\n      avatarUrl\n    }\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    createTime\n    content\n  }\n}": typeof types.WebAuthorizationUrlDocument,
};
const documents: Documents = {
    "query WebAuthorizationUrl($redirectUri: String!, $scope: WebAuthScope, $state: String!, $app: String) {\n  webAuthorizationUrl(\n    redirectUri: $redirectUri\n    scope: $scope\n    state: $state\n    app: $app\n  )\n}\n\nmutation WebLogin($code: String!, $app: String) {\n  webLogin(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    sessionExpiresAt\n    app {\n      id\n    }\n    profile {\n      nickname\n      avatarUrl\n    }\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    createTime\n    content\n  }\n}": types.WebAuthorizationUrlDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebAuthorizationUrl($redirectUri: String!, $scope: WebAuthScope, $state: String!, $app: String) {\n  webAuthorizationUrl(\n    redirectUri: $redirectUri\n    scope: $scope\n    state: $state\n    app: $app\n  )\n}\n\nmutation WebLogin($code: String!, $app: String) {\n  webLogin(code: $code, app: $app) {\n    token\n    expiresAt\n  }\n}\n\nquery Me {\n  me {\n    openid\n    sessionExpiresAt\n    app {\n      id\n    }\n    profile {\n      nickname\n      avatarUrl\n    }\n  }\n}\n\nsubscription MyEvents {\n  viewerEvents {\n    id\n    type\n    createTime\n    content\n  }\n}"): typeof import('./graphql.js').WebAuthorizationUrlDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
