import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for clients (and our own integration tests) from the checked-in schema. */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' } },
      // persisted-documents.json is the allowlist for PERSISTED_OPERATIONS_ONLY.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
