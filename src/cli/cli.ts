import { parseCommandArgs } from './args.js';
import { leaveEarlyFrame } from './early-frame.js';
import { EXIT_FAILED, EXIT_USAGE, InputError, UsageError, type CliIO } from './io.js';
import { commands, findCommand, type CommandModule } from './registry.js';

/**
 * Loads a command's module by name. The ES module CLI (main.ts) can load every command; the `check`
 * bundle (check-main.ts) only `check`, so that it holds no other command's code.
 */
export type CommandLoader = (name: string) => Promise<CommandModule>;

// Help, version and suggestions are imported where they are used: the course's first frame and
// `check` start faster without them.

/** Runs one command line to its exit code; errors are explained, never thrown. */
export async function runCli(argv: string[], io: CliIO, load: CommandLoader): Promise<number> {
  try {
    return await dispatch(argv, io, load);
  } catch (err) {
    leaveEarlyFrame();
    return reportError(err, io);
  }
}

async function dispatch(argv: string[], io: CliIO, load: CommandLoader): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v') {
    const { packageVersion } = await import('./version.js');
    io.stdout.write(packageVersion() + '\n');
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const [{ commandHelp, programHelp }, { packageVersion }] = await Promise.all([import('./help.js'), import('./version.js')]);
    const topic = first === 'help' && argv[1] ? findCommand(argv[1]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : programHelp(packageVersion()));
    return 0;
  }
  const named = first !== undefined && !first.startsWith('-');
  const spec = named ? findCommand(first) : findCommand('course');
  if (!spec) {
    const { closest } = await import('../util/suggest.js');
    const near = closest(first!, commands.map((c) => c.name));
    throw new UsageError(`unknown command '${first}'` + (near ? ` (did you mean '${near}'?)` : ''));
  }
  const parsed = await parseCommandArgs(spec, named ? argv.slice(1) : argv);
  if (parsed.values.help) {
    const { commandHelp } = await import('./help.js');
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  const module = await load(spec.name);
  return module.run({ io, ...parsed });
}

async function reportError(err: unknown, io: CliIO): Promise<number> {
  const c = io.errColor;
  if (err instanceof UsageError) {
    const { commandUsage, programUsage } = await import('./help.js');
    const spec = err.command ? findCommand(err.command) : undefined;
    io.stderr.write(`${c.red('error:')} ${err.message}\n${spec ? commandUsage(spec) : programUsage()}\n`);
    io.stderr.write(`Run 'k8s-workloads-course ${spec ? spec.name + ' ' : ''}--help' for more.\n`);
    return EXIT_USAGE;
  }
  if (err instanceof InputError) {
    io.stderr.write(`${c.red('error:')} ${err.message}\n`);
    return EXIT_FAILED;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`${c.red('internal error:')} ${message}\nThis is a bug in k8s-workloads-course; please report it.\n`);
  if (io.env.K8S_COURSE_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
  return EXIT_FAILED;
}
