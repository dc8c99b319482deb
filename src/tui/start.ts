import { InputError, type CliIO } from '../cli/io.js';
import { packDir, readFirstFrame, writeFirstFrame } from './frame-cache.js';
import { firstFrameData, paintFirstFrame } from './paint.js';
import { guardTerminal, resetTerminal, type Restorable } from './terminal.js';
import { themeFor } from './theme.js';

export interface TuiOptions {
  lessons?: string;
  workspace?: string;
}

/**
 * Runs the full-screen course until the learner quits; the terminal is restored whatever happens.
 * Order matters for the first frame: paint the map from the cache, then load the pack and blessed.
 */
export async function startTui(io: CliIO, opts: TuiOptions): Promise<number> {
  const theme = themeFor(io.env);
  const dir = packDir(opts.lessons, io.cwd);
  const cached = readFirstFrame(dir, io.env);
  let screen: Restorable | undefined;
  const unguard = guardTerminal(() => screen);
  try {
    // Raw mode first, so keys typed while the course loads are neither echoed nor lost.
    process.stdin.setRawMode(true);
    if (cached) paintFirstFrame(cached, [], theme, process.stdout);
    const session = await openSession(io, opts, theme.color);
    const data = firstFrameData(session);
    if (!cached) paintFirstFrame(data, session.warnings, theme, process.stdout);
    writeFirstFrame(dir, io.env, data);
    const { App } = await import('./app.js');
    const app = new App({ port: session, theme });
    screen = app.screen;
    await app.done;
    writeFirstFrame(dir, io.env, firstFrameData(session));
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
  const [{ loadCoursePack, PackError }, { resolveWorkspace }, { CourseSession }] = await Promise.all([
    import('../course/pack/load.js'),
    import('../course/workspace.js'),
    import('./session.js'),
  ]);
  let pack;
  try {
    pack = loadCoursePack({ lessons: opts.lessons, cwd: io.cwd });
  } catch (err) {
    if (err instanceof PackError) throw new InputError(err.message);
    throw err;
  }
  const workspace = resolveWorkspace({ flag: opts.workspace, env: io.env, cwd: io.cwd });
  return new CourseSession(pack, workspace, io.env, color);
}
