import type { CliIO } from './io.js';

/** The full-screen course needs this much room; below it (or off a terminal) line mode runs instead. */
export const MIN_COLS = 80;
export const MIN_ROWS = 24;

/** Why the full-screen UI cannot run here, or undefined when it can. */
export function fullScreenObstacle(io: Pick<CliIO, 'stdin' | 'stdout' | 'env'>): string | undefined {
  if (!io.stdin.isTTY || !io.stdout.isTTY) return 'not an interactive terminal';
  if (io.env.TERM === 'dumb') return 'TERM=dumb';
  const cols = io.stdout.columns ?? 0;
  const rows = io.stdout.rows ?? 0;
  if (cols < MIN_COLS || rows < MIN_ROWS) return `the terminal is ${cols}×${rows}, smaller than ${MIN_COLS}×${MIN_ROWS}`;
  return undefined;
}
