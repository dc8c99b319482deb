/**
 * Terminal restoration, whatever happens: on a normal quit, an error, an uncaught exception or a
 * signal, leave the alternate screen, show the cursor and end raw mode — then print the error.
 */
export interface Restorable {
  destroy(): void;
}

const RESET = '\u001b[?1000l\u001b[?1002l\u001b[?1003l\u001b[?1006l\u001b[0m\u001b[?25h\u001b[?1049l';

/** Writes the sequences that undo full-screen mode, and leaves raw mode. Idempotent. */
export function resetTerminal(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): void {
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  } catch {
    // stdin may already be closed.
  }
  try {
    if (stdout.isTTY) stdout.write(RESET);
  } catch {
    // stdout may already be closed.
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Installs the handlers; `screen()` returns the current screen (if any) to destroy first.
 * Returns a function that removes them.
 */
export function guardTerminal(screen: () => Restorable | undefined): () => void {
  let done = false;
  const restore = (): void => {
    if (done) return;
    done = true;
    try {
      screen()?.destroy();
    } catch {
      // Fall through to the raw reset below.
    }
    resetTerminal();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    restore();
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  const onFatal = (err: unknown): void => {
    restore();
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`internal error: ${message}\nThis is a bug in k8s-workloads-course; please report it.\n`);
    if (process.env.K8S_COURSE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  process.on('exit', restore);
  return () => {
    restore();
    for (const s of SIGNALS) process.off(s, onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    process.off('exit', restore);
  };
}
