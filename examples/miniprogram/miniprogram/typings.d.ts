// The few mini-program globals this example uses (miniprogram-api-typings has the full set).
declare const wx: import('@wechat-graphql/client').MiniProgramApi;
declare function App(options: Record<string, unknown>): void;
declare function getApp<T>(): T;
declare function Page<D extends Record<string, unknown>>(
  options: { data: D; onLoad?(): void; onUnload?(): void; setData?: never } & ThisType<{ data: D; setData(patch: Partial<D>): void }> & Record<string, unknown>,
): void;
