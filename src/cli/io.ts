import { colorEnabled, paint, type Paint } from './color.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  color: Paint;
  errColor: Paint;
}

export function processIO(): CliIO {
  let errColor: Paint | undefined;
  // Node makes process.stdin and process.stderr on first use, which costs start-up time that a
  // command writing only to stdout (`check`, `simulate`) need not pay.
  return {
    stdout: process.stdout,
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    color: paint(colorEnabled(process.stdout)),
    get errColor() {
      return (errColor ??= paint(colorEnabled(process.stderr)));
    },
  };
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A problem with the user's input (file missing, invalid manifest…): exit code 1, no stack trace. */
export class InputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
