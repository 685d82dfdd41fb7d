#!/usr/bin/env node
// `npm run schema:check` at the root; see check.ts.
import { runCheck } from './check.js';

runCheck(process.argv.slice(2), process.env, process.cwd(), (line) => console.log(line)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`schema:check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
