#!/usr/bin/env node
import { runCli } from './program.js';

const status = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = status;
