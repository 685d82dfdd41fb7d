import { vitestGlobalSetup } from '@liangxin/db';

export default vitestGlobalSetup('datagen');

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
