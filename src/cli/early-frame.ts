// A plain `k8s-workloads-course` on a terminal shows the course map painted on its last run at once,
// from the package's CommonJS bin (bin.ts), before Node's ES module loader even starts; the
// full-screen course takes the screen over from there (tui/start.ts). The bin and the ES modules each
// have a copy of this module, so what was painted is kept on a global both can see.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { configPaths } from '../course/config-paths.js';
import { frameKey, packDir, readFirstFrame } from '../tui/frame-cache.js';
import { themeFor } from '../tui/theme.js';
import type { CliIO } from './io.js';
import { fullScreenObstacle } from './screen.js';

const SHOWN = Symbol.for('k8s-workloads-course.early-frame');
interface EarlyState {
  frame?: string | undefined;
  /** Removes the listeners that restore the terminal while nobody else would. */
  release?: (() => void) | undefined;
}
const state = ((globalThis as { [SHOWN]?: EarlyState })[SHOWN] ??= {});

/** What paintEarlyFrame reads of the process: its terminal, environment and folder. */
export type EarlyIO = Pick<CliIO, 'stdin' | 'stdout' | 'env' | 'cwd'>;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Paints the cached first frame of the built-in course (no config file chooses another) if one is cached for this terminal. */
export function paintEarlyFrame(io: EarlyIO): void {
  if (state.frame !== undefined || fullScreenObstacle(io) || configPaths(io.env, io.cwd).some((p) => existsSync(p))) return;
  const key = frameKey(io.stdout.columns ?? 0, io.stdout.rows ?? 0, themeFor(io.env).color);
  const frame = readFirstFrame(packDir(undefined, io.cwd), io.env)?.frames[key];
  if (frame) showFrame(frame);
}

/**
 * Shows a cached frame (raw mode first, so keys typed while the course loads are neither echoed nor
 * lost). Until the course takes the screen over, an error, an exit or a signal gives the terminal back here.
 */
export function showFrame(frame: string): void {
  // The handlers first: a signal arriving just after the frame must find them.
  const onSignal = (signal: NodeJS.Signals): void => {
    leaveEarlyFrame();
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', leaveEarlyFrame);
  state.release = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', leaveEarlyFrame);
  };
  state.frame = frame;
  process.stdin.setRawMode(true);
  process.stdout.write(frame);
}

/** The cached frame on the screen, if one was shown. */
export function earlyFrame(): string | undefined {
  return state.frame;
}

/** The full-screen course has taken the screen over (and restores the terminal itself from now on). */
export function handOverFrame(): void {
  release();
}

/** Gives the terminal back if the course never took the screen over (an error on the way). */
export function leaveEarlyFrame(): void {
  if (state.frame === undefined) return;
  release();
  process.stdin.setRawMode(false);
  process.stdout.write('\u001b[?25h\u001b[?1049l');
}

function release(): void {
  state.frame = undefined;
  state.release?.();
  state.release = undefined;
}
