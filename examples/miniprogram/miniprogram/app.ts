import { createApi } from './api';

export interface AppGlobals {
  api: ReturnType<typeof createApi>;
}

App({ api: createApi(wx) } satisfies AppGlobals);
