import { loadCoursePack, PackError } from '../course/pack/load.js';
import { resolveWorkspace } from '../course/workspace.js';
import { InputError, type CliIO } from '../cli/io.js';
import { paintFirstFrame } from './paint.js';
import { CourseSession } from './session.js';
import { guardTerminal, resetTerminal, type Restorable } from './terminal.js';
import { themeFor } from './theme.js';

export interface TuiOptions {
  lessons?: string;
  workspace?: string;
}

/** Runs the full-screen course until the learner quits; the terminal is restored whatever happens. */
export async function startTui(io: CliIO, opts: TuiOptions): Promise<number> {
  let pack;
  try {
    pack = loadCoursePack({ lessons: opts.lessons, cwd: io.cwd });
  } catch (err) {
    if (err instanceof PackError) throw new InputError(err.message);
    throw err;
  }
  const theme = themeFor(io.env);
  const workspace = resolveWorkspace({ flag: opts.workspace, env: io.env, cwd: io.cwd });
  const session = new CourseSession(pack, workspace, io.env, theme.color);
  let screen: Restorable | undefined;
  const unguard = guardTerminal(() => screen);
  try {
    paintFirstFrame(session, theme, process.stdout);
    // Raw mode now, so keys typed while blessed loads are neither echoed nor lost.
    process.stdin.setRawMode(true);
    const { App } = await import('./app.js');
    const app = new App({ port: session, theme });
    screen = app.screen;
    await app.done;
    return 0;
  } catch (err) {
    screen?.destroy();
    resetTerminal();
    throw err;
  } finally {
    unguard();
  }
}
