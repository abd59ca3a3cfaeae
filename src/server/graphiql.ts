import { renderGraphiQL as renderPage } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

export type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL with its JS, CSS and editor workers inlined from `@graphql-yoga/render-graphiql`,
 * instead of yoga's default page that loads them from unpkg.com: no CDN is reachable offline,
 * in closed networks, or from many networks in mainland China. The page (about 9 MB) is built
 * once per set of options.
 */
export function createGraphiQLRenderer(): (options?: GraphiQLOptions) => string {
  const pages = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options ?? {});
    let page = pages.get(key);
    if (!page) pages.set(key, (page = renderPage(options)));
    return page;
  };
}
