export { createStore, type Store, type StoreOptions } from './store.ts';
export { createSessionStore, SESSION_TOKEN_PREFIX, type SessionRecord, type SessionStore } from './sessions.ts';
