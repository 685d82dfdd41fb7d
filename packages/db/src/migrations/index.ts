import { Foundation1764316800000 } from './1764316800000-foundation.js';

/** Every migration, oldest first. The server and the generator run exactly this list. */
export const migrations = [Foundation1764316800000];
