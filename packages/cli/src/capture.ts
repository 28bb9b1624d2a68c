import { runCli } from './program.js';

export interface CapturedRun {
  status: number;
  /** Everything written to stdout, bytes as latin1 characters. */
  out: string;
  err: string;
}

/** Runs the hypsim command line in-process and collects its output (tests, embedding). */
export function runCliCaptured(argv: readonly string[]): CapturedRun {
  let out = '';
  let err = '';
  const status = runCli(argv, {
    stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')),
    stderr: (s) => (err += s),
  });
  return { status, out, err };
}
