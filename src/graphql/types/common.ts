import { z } from 'zod';
import { builder } from '../builder.ts';

/** The `app` argument every WeChat-backed field takes. */
export const appArg = () =>
  builder.args((t) => ({
    app: t.string({
      required: false,
      description: 'Id of the configured WeChat app to use. Defaults to the first configured app of the kind the field needs.',
    }),
  }));

/** An OpenID as WeChat issues them (28 characters today; 16 to 64 accepted), checked before any call. */
export const openidSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an OpenID (16 to 64 letters, digits, "_" or "-")');
