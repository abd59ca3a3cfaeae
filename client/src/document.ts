/**
 * Documents as GraphQL Code Generator's client preset emits them. Both of its modes carry the
 * result and variables types in `__apiType` (the `DocumentTypeDecoration` of
 * `@graphql-typed-document-node/core`, restated here so the package needs no dependency):
 * - `documentMode: 'string'` (recommended for this client): a `TypedDocumentString`, a String
 *   holding the operation text, with `__meta__.hash` when `persistedDocuments` is on;
 * - the default AST mode: a `DocumentNode` object, printed with the `print` option you pass
 *   (from `graphql`), or sent as its hash alone in persisted-only mode.
 */
export interface DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
}

/** The `__meta__` codegen adds with `persistedDocuments: true`: the key of persisted-documents.json. */
export interface DocumentMeta {
  __meta__?: { hash?: string; [key: string]: unknown };
}

export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & DocumentMeta & object;

export type ResultOf<D> = D extends DocumentTypeDecoration<infer R, unknown> ? R : never;
export type VariablesOf<D> = D extends DocumentTypeDecoration<unknown, infer V> ? V : never;

/** Variables are optional exactly when the operation declares none that are required. */
export type VariablesArgs<TVariables, TOptions> = Record<string, never> extends TVariables
  ? [variables?: TVariables, options?: TOptions]
  : [variables: TVariables, options?: TOptions];

/** Turns an AST document into its text; pass `print` from `graphql`. */
export type Printer = (document: never) => string;

interface AstDocument {
  kind: 'Document';
  loc?: { source?: { body?: string } };
}

const isAst = (document: object): document is AstDocument => (document as { kind?: unknown }).kind === 'Document';

export function hashOf(document: object): string | undefined {
  const hash = (document as DocumentMeta).__meta__?.hash;
  return typeof hash === 'string' && hash !== '' ? hash : undefined;
}

export function textOf(document: object, print?: Printer): string {
  if (document instanceof String) return document.toString();
  if (isAst(document)) {
    if (print) return (print as (document: AstDocument) => string)(document);
    const body = document.loc?.source?.body;
    if (body) return body;
  }
  throw new TypeError(
    'Cannot send this document: generate it with documentMode: "string", pass `print` from graphql for AST documents, or turn on persisted operations.',
  );
}
