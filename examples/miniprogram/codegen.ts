import type { CodegenConfig } from '@graphql-codegen/cli';

/** Run from the repository root: `npx graphql-codegen --config examples/miniprogram/codegen.ts`. */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/miniprogram/miniprogram/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/miniprogram/miniprogram/gql/': {
      preset: 'client',
      config: {
        // Strings, not ASTs: no graphql-js in the mini program's 2 MB package.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
