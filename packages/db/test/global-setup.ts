import { vitestGlobalSetup } from '../src/testing.js';

export default vitestGlobalSetup('db');

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
