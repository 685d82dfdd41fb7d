import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from './browser';
import { startE2eStack } from './stack';

/**
 * Once per run: the database, the demo data, the accounts and the server (stack.ts); the test
 * files reach the server over HTTP at `baseUrl`. Without Chromium (and outside CI) nothing is
 * started and the suite is skipped.
 */
export default async function setup(project: TestProject) {
  if (!chromiumAvailable()) {
    process.stderr.write('e2e: /usr/bin/chromium is not installed: end-to-end tests skipped (in CI they are required)\n');
    project.provide('e2eBaseUrl', '');
    return;
  }
  const scale = process.env.LIANGXIN_E2E_SCALE ? Number(process.env.LIANGXIN_E2E_SCALE) : undefined;
  const stack = await startE2eStack({ scale, log: (m) => process.stderr.write(`e2e: ${m}\n`) });
  project.provide('e2eBaseUrl', stack.baseUrl);
  return () => stack.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}
