export { createStore, type Store, type StoreOptions } from './store.ts';
