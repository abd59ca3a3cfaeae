import { defineScenario } from './scenario.ts';

const create = (fields: string) =>
  `mutation { createQRCode(input: { kind: LIMITED, path: "pages/product/detail?id=42", width: 430 }) { ${fields} } }`;

/**
 * The same limited code asked for again and again: WeChat should be called once for the whole
 * run (the 100 000 per app never come back), so upstream/req tends to 0 (1 / requests).
 */
export const qrcodeRepeat = defineScenario({
  name: 'qrcode-repeat',
  description: 'createQRCode LIMITED, one identical request repeated: 1 upstream call (wxa/getwxacode) for the whole run',
  query: create('id url byteSize reused'),
  async setup(ctx) {
    // Fetch the access token on another endpoint, so the run counts only getwxacode.
    await ctx.request({ query: 'mutation { createQRCode(input: { kind: UNLIMITED, scene: "warm=1" }) { id } }' });
  },
  compare: {
    name: 'qrcode-repeat-dataUrl',
    description: 'the same request also selecting dataUrl (the image inline, base64): the cost of inlining',
    query: create('id url byteSize reused dataUrl'),
  },
});
