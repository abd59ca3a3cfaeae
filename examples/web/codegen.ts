import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A frontend project's codegen, as docs/clients.md describes it. Run from the repository root:
 * `npx graphql-codegen --config examples/web/codegen.ts`. A project of its own points `schema`
 * at its copy of schema/schema.graphql (production gateways turn introspection off).
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/web/src/gql/': {
      preset: 'client',
      config: {
        // Documents as strings: the client sends them without graphql-js in the bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
      // persisted-documents.json is what the gateway's PERSISTED_OPERATIONS_FILE loads.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
