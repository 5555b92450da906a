export { openSqliteStore } from './store.js';
export type { SqliteStore } from './store.js';
export type { SqliteStoreOptions } from './options.js';
