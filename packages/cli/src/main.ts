#!/usr/bin/env node
import { runCli } from './program.js';

// `hypsim run X | head`: the reader went away; stop quietly, as a C program killed by SIGPIPE
// would (status 141), instead of an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(141);
  });

const status = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = status;
