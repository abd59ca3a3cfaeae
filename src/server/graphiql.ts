import type { GraphiQLOptions } from 'graphql-yoga';

export type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL with its JS, CSS and editor workers inlined from `@graphql-yoga/render-graphiql`,
 * instead of yoga's default page that loads them from unpkg.com: no CDN is reachable offline,
 * in closed networks, or from many networks in mainland China. The assets (about 9 MB) are
 * loaded on the first page request, never in production (no GraphiQL there), and the page is
 * built once per set of options.
 */
export function createGraphiQLRenderer(): (options?: GraphiQLOptions) => Promise<string> {
  const pages = new Map<string, string>();
  return async (options) => {
    const key = JSON.stringify(options ?? {});
    let page = pages.get(key);
    if (!page) {
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      pages.set(key, (page = renderGraphiQL(options)));
    }
    return page;
  };
}
