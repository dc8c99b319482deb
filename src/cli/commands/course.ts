import { existsSync } from 'node:fs';
import { configPaths } from '../../course/config-paths.js';
import { InputError, type CliIO } from '../io.js';
import type { CommandContext } from '../registry.js';
import { leaveEarlyFrame } from '../early-frame.js';
import { fullScreenObstacle, MIN_COLS, MIN_ROWS } from '../screen.js';

/** The default command: the full-screen course on a big-enough terminal, else the line-mode course. */
export async function run({ io, values }: CommandContext): Promise<number> {
  const options = { ...(await chooseLessons(io, values)), workspace: values.workspace as string | undefined };
  const why = values.plain ? undefined : fullScreenObstacle(io);
  if (values.plain || why) {
    // The terminal shrank below the minimum after the bin showed the cached map: give the screen back.
    leaveEarlyFrame();
    if (why && io.stdout.isTTY) io.stderr.write(`(line mode: ${why}; the full-screen course needs an interactive terminal of at least ${MIN_COLS}×${MIN_ROWS})\n`);
    const { runPlainCourse } = await import('../plain/course.js');
    return runPlainCourse(io, options);
  }
  const { startTui } = await import('../../tui/start.js');
  return startTui(io, options);
}

/** `--lessons`/`--with-builtin`, else a config file, else the built-in lessons. */
async function chooseLessons(io: CliIO, values: CommandContext['values']): Promise<{ lessons?: string; withBuiltin: boolean }> {
  const lessons = typeof values.lessons === 'string' ? values.lessons : undefined;
  const withBuiltin = values['with-builtin'] === true ? true : undefined;
  // The common case, checked without loading the config reader: the first frame is drawn sooner.
  if (!lessons && !withBuiltin && !configPaths(io.env, io.cwd).some((p) => existsSync(p))) return { withBuiltin: false };
  const { ConfigError, resolveLessons } = await import('../../course/config.js');
  try {
    const choice = resolveLessons({ lessons, withBuiltin, env: io.env, cwd: io.cwd });
    return { ...(choice.lessons ? { lessons: choice.lessons } : {}), withBuiltin: choice.withBuiltin };
  } catch (err) {
    if (err instanceof ConfigError) throw new InputError(err.message);
    throw err;
  }
}
