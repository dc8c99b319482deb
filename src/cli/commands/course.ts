import { EXIT_FAILED, type CliIO } from '../io.js';
import type { CommandContext } from '../registry.js';

/** The full-screen course needs this much room; below it (or off a terminal) line mode runs instead. */
const MIN_COLS = 80;
const MIN_ROWS = 24;

/** The default command: the full-screen course on a big-enough terminal, else the line-mode course. */
export async function run({ io, values }: CommandContext): Promise<number> {
  const options = { lessons: values.lessons as string | undefined, workspace: values.workspace as string | undefined };
  const why = values.plain ? undefined : fullScreenObstacle(io);
  if (values.plain || why) return plainCourse(io, { ...options, reason: why });
  const { startTui } = await import('../../tui/start.js');
  return startTui(io, options);
}

/** Why the full-screen UI cannot run here, or undefined when it can. */
export function fullScreenObstacle(io: CliIO): string | undefined {
  if (!io.stdin.isTTY || !io.stdout.isTTY) return 'not an interactive terminal';
  if (io.env.TERM === 'dumb') return 'TERM=dumb';
  const cols = io.stdout.columns ?? 0;
  const rows = io.stdout.rows ?? 0;
  if (cols < MIN_COLS || rows < MIN_ROWS) return `the terminal is ${cols}×${rows}, smaller than ${MIN_COLS}×${MIN_ROWS}`;
  return undefined;
}

async function plainCourse(io: CliIO, options: { lessons?: string; workspace?: string; reason?: string }): Promise<number> {
  // The line-mode course lives in src/cli/plain/ (course engine); until it lands, say what works.
  io.stderr.write(
    (options.reason ? `Full-screen course unavailable: ${options.reason}.\n` : '') +
      'The line-mode course is not available in this version yet. Meanwhile:\n' +
      '  k8s-workloads-course list             lessons and exercises\n' +
      '  k8s-workloads-course check FILE       check your manifest against its exercise\n' +
      '  k8s-workloads-course quiz LESSON      take a quiz\n' +
      '  k8s-workloads-course simulate FILE    run manifests on the simulated cluster\n',
  );
  return EXIT_FAILED;
}
