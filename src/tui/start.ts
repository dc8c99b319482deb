import type { CliIO } from '../cli/io.js';
import { earlyFrame, leaveEarlyFrame, showFrame, handOverFrame } from '../cli/early-frame.js';
import { frameKey, packDir, readFirstFrame, writeFirstFrame } from './frame-cache.js';
import { themeFor } from './theme.js';
import type { Restorable } from './terminal.js';

export interface TuiOptions {
  lessons?: string;
  withBuiltin?: boolean;
  workspace?: string;
}

/**
 * Runs the full-screen course until the learner quits; the terminal is restored whatever happens.
 * Order matters for the first frame: paint the map from the cache, then load the pack and blessed.
 */
export async function startTui(io: CliIO, opts: TuiOptions): Promise<number> {
  const out = process.stdout;
  const theme = themeFor(io.env);
  const dir = packDir(opts.lessons, io.cwd);
  const cached = readFirstFrame(dir, io.env);
  // Raw mode first, so keys typed while the course loads are neither echoed nor lost.
  process.stdin.setRawMode(true);
  // The fastest path: this very frame was painted before (same course, progress and size), and
  // perhaps already shown by the package's bin.
  const ready = cached?.frames[frameKey(out.columns, out.rows, theme.color)];
  if (ready && earlyFrame() !== ready) showFrame(ready);
  let modules;
  try {
    modules = await Promise.all([import('./terminal.js'), import('./paint.js')]);
  } catch (err) {
    // Not even the terminal guard loaded: undo the frame by hand.
    leaveEarlyFrame();
    process.stdin.setRawMode(false);
    throw err;
  }
  const [{ guardTerminal, resetTerminal }, paint] = modules;
  let screen: Restorable | undefined;
  const unguard = guardTerminal(() => screen);
  // The guard restores the terminal from here on: the early frame's own handlers can go.
  handOverFrame();
  try {
    if (cached && !ready) out.write(paint.firstFrame(cached, [], theme, out.columns, out.rows));
    const session = await openSession(io, opts, theme.color);
    const remember = (): void => {
      const data = paint.firstFrameData(session);
      const ansi = paint.firstFrame(data, [], theme, out.columns, out.rows);
      writeFirstFrame(dir, io.env, data, { key: frameKey(out.columns, out.rows, theme.color), ansi });
    };
    if (!cached) out.write(paint.firstFrame(paint.firstFrameData(session), session.warnings, theme, out.columns, out.rows));
    remember();
    const { App } = await import('./app.js');
    const app = new App({ port: session, theme });
    screen = app.screen;
    await app.done;
    remember();
    return 0;
  } catch (err) {
    screen?.destroy();
    resetTerminal();
    throw err;
  } finally {
    unguard();
  }
}

async function openSession(io: CliIO, opts: TuiOptions, color: boolean) {
  const [{ openConfiguredPack }, { PackError }, { resolveWorkspace }, { CourseSession }, { InputError }] = await Promise.all([
    import('../course/pack/combine.js'),
    import('../course/pack/load.js'),
    import('../course/workspace.js'),
    import('./session.js'),
    import('../cli/io.js'),
  ]);
  let pack;
  try {
    pack = openConfiguredPack({ lessons: opts.lessons, withBuiltin: opts.withBuiltin ?? false, env: io.env, cwd: io.cwd });
  } catch (err) {
    if (err instanceof PackError) throw new InputError(err.message);
    throw err;
  }
  const workspace = resolveWorkspace({ flag: opts.workspace, env: io.env, cwd: io.cwd });
  return new CourseSession(pack, workspace, io.env, color, io.cwd);
}
