import { vitestGlobalSetup } from '@liangxin/db';

/** One PostgreSQL (DATABASE_URL, else an embedded one) and one migrated template per run. */
export default vitestGlobalSetup('server');

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
