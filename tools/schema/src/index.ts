export { breakingSections, checkSchemaChange, isAnnounced, type BreakingCheck, type SchemaChange } from './breaking.js';
export { DEFAULT_CHANGELOG, DEFAULT_SCHEMA, runCheck } from './check.js';
export { chooseBase, showFile, type BaseChoice } from './git.js';
