import { builder } from '../builder.ts';

/** The `app` argument every WeChat-backed field takes. */
export const appArg = () =>
  builder.args((t) => ({
    app: t.string({
      required: false,
      description: 'Id of the configured WeChat app to use. Defaults to the first configured app of the kind the field needs.',
    }),
  }));
