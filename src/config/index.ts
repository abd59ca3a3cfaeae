export { ConfigError, loadConfig, type Config } from './load.ts';
export { SCOPES, type ApiKeyConfig, type AppConfig, type Scope } from './schema.ts';
