// A plain `k8s-workloads-course` on a terminal shows the course map painted on its last run at once,
// from the package's CommonJS bin (bin.ts), before Node's ES module loader even starts; the
// full-screen course takes the screen over from there (tui/start.ts). The bin and the ES modules each
// have a copy of this module, so what was painted is kept on a global both can see.
import { existsSync } from 'node:fs';
import { configPaths } from '../course/config-paths.js';
import { frameKey, packDir, readFirstFrame } from '../tui/frame-cache.js';
import type { CliIO } from './io.js';
import { fullScreenObstacle } from './screen.js';

const SHOWN = Symbol.for('k8s-workloads-course.early-frame');
const state = ((globalThis as { [SHOWN]?: { frame?: string | undefined } })[SHOWN] ??= {});

/** What paintEarlyFrame reads of the process: its terminal, environment and folder. */
export type EarlyIO = Pick<CliIO, 'stdin' | 'stdout' | 'env' | 'cwd'>;

/** Paints the cached first frame of the built-in course (no config file chooses another) if one is cached for this terminal. */
export function paintEarlyFrame(io: EarlyIO): void {
  if (state.frame !== undefined || fullScreenObstacle(io) || configPaths(io.env, io.cwd).some((p) => existsSync(p))) return;
  const color = !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '');
  const frame = readFirstFrame(packDir(undefined, io.cwd), io.env)?.frames[frameKey(process.stdout.columns, process.stdout.rows, color)];
  if (!frame) return;
  // Raw mode first, so keys typed while the course loads are neither echoed nor lost.
  process.stdin.setRawMode(true);
  process.stdout.write(frame);
  state.frame = frame;
  process.once('exit', leaveEarlyFrame);
}

/** The frame painted early, handed to the full-screen course (which then restores the terminal itself). */
export function takeEarlyFrame(): string | undefined {
  const frame = state.frame;
  state.frame = undefined;
  return frame;
}

/** Gives the terminal back if the course never took the screen over (an error on the way). */
export function leaveEarlyFrame(): void {
  if (state.frame === undefined) return;
  state.frame = undefined;
  process.stdin.setRawMode(false);
  process.stdout.write('\u001b[?25h\u001b[?1049l');
}
