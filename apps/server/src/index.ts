import 'reflect-metadata';

export { createServer } from './server.js';
export type { ServerConfig, LiangxinServer, Listener } from './server.js';
export { buildLiangxinSchema, printLiangxinSchema, RESOLVERS } from './schema.js';
export type { Context } from './context.js';
export { createLoaders } from './loaders.js';
export type { Loaders } from './loaders.js';
export { createDataSource } from './db/data-source.js';
export { ENTITIES } from './db/entities.js';
export { StatementCounter, StatementTally } from './db/statement-counter.js';
export { liangxinPgTypes } from './db/pg-types.js';
export { BadUserInputError, NotFoundError, ConflictError, ForbiddenError } from './errors/index.js';
export { createLogger, silentLogger } from './logger.js';
export { readConfig } from './config.js';
export type { MainConfig } from './config.js';
export type { Readiness } from './http/health.js';
