/**
 * @liangxin/datagen: the deterministic Jinan demo data set. The server calls loadDataset on a
 * first start (when hasDataset is false); the CLI (cli.ts) does the same from a terminal.
 */
export { loadDataset, hasDataset, DATA_TABLES } from './load.js';
export type { LoadOptions, LoadReport, Progress } from './load.js';
export { generateDataset, DatasetHash } from './generate.js';
export type { Generated, GeneratedTable, TableName } from './generate.js';
export { InvalidDatasetOptionError, DatasetExistsError } from './errors.js';
export { validateOptions, MIN_SCALE, MAX_SCALE } from './options.js';
export type { DatasetOptions } from './options.js';
export { CALIBRATION } from './calibration.js';
