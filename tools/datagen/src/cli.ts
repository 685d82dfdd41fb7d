#!/usr/bin/env node
import { runCommand } from './command.js';

process.exitCode = await runCommand(process.argv.slice(2), {
  env: process.env,
  stderr: (text) => process.stderr.write(text),
});
