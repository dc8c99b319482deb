// `check [FILE] [--exercise ID] [--watch] [--json]`: checks a manifest against an exercise's checks.
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { allExercises, checkExercise, findExercise, markExerciseOpened, openExercise, recordAttempt, type CheckResult, type Exercise } from '../../course/index.js';
import { closest } from '../../util/suggest.js';
import { EXIT_FAILED, EXIT_OK, InputError, UsageError, type CliIO } from '../io.js';
import { openPack, openSession, type CourseSession } from '../plain/context.js';
import { formatCheckResult } from '../plain/format.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const fileArg = positionals[0];
  const id = typeof values.exercise === 'string' ? values.exercise : fileArg !== undefined ? exerciseIdOf(fileArg) : undefined;
  if (id === undefined) throw new UsageError('give the FILE to check, or --exercise ID', 'check');
  // Start-up time matters here: read only the exercise being checked, not the whole pack.
  const session = openSession(io, values, { exercise: id });
  const exercise = findExercise(session.pack, id) ?? unknownExercise(io, values, id, fileArg);
  const file = fileArg !== undefined ? resolve(io.cwd, fileArg) : workspaceFile(io, session, exercise);
  if (!values.watch) return checkOnce(io, session, exercise, file, Boolean(values.json));
  await watchFile(io, session, exercise, file, Boolean(values.json));
  return EXIT_OK;
}

/** `deploy-first.yaml` → `deploy-first`: a workspace file is named after its exercise. */
function exerciseIdOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}

/** Explains an exercise id that is not in the pack, with a did-you-mean over every exercise. */
function unknownExercise(io: CliIO, values: Record<string, unknown>, id: string, fileArg: string | undefined): never {
  const ids = allExercises(openPack(io, values, 'exercises')).map((e) => e.id);
  const near = closest(id, ids);
  if (typeof values.exercise === 'string') {
    throw new InputError(`no exercise '${id}'` + (near ? ` (did you mean '${near}'?)` : '') + "; run 'k8s-workloads-course list' to see them");
  }
  throw new InputError(`cannot tell which exercise ${fileArg} is for: its name is not <exercise-id>.yaml` + (near ? ` (did you mean ${near}.yaml?)` : '') + '; add --exercise ID');
}

/** No FILE: the learner's workspace file, created from the starter the first time. */
function workspaceFile(io: CliIO, session: CourseSession, exercise: Exercise): string {
  const opened = openExercise(session.workspace, exercise);
  if (opened.created) io.stderr.write(`Created ${opened.path} from the exercise's starter; edit it, then check again.\n`);
  markExerciseOpened(session.progress.progress, exercise.packId, exercise.id, new Date());
  return opened.path;
}

function readManifest(file: string): string {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function checkOnce(io: CliIO, session: CourseSession, exercise: Exercise, file: string, json: boolean): number {
  const text = readManifest(file);
  const result = checkExercise(session.pack, exercise.id, text, file);
  // Only genuine attempts count: an invalid manifest is not an attempt at the exercise's checks.
  if (result.status === 'passed' || result.status === 'failed') {
    recordAttempt(session.progress.progress, exercise.packId, exercise.id, result.status === 'passed', new Date());
    session.save();
  }
  print(io, exercise, file, text, result, json);
  return result.status === 'passed' ? EXIT_OK : EXIT_FAILED;
}

function print(io: CliIO, exercise: Exercise, file: string, text: string, result: CheckResult, json: boolean): void {
  if (json) {
    const { simulation, ...rest } = result;
    const run = simulation && { clock: simulation.clock, steps: simulation.steps, events: simulation.events.length, capped: simulation.capped ?? null };
    io.stdout.write(JSON.stringify({ exercise: exercise.id, file, ...rest, simulation: run ?? null }, null, 2) + '\n');
    return;
  }
  io.stdout.write(`${io.color.bold(exercise.title)} ${io.color.dim(`(${exercise.id})`)}: checking ${file}\n\n`);
  io.stdout.write(formatCheckResult(result, io.color, { source: text }));
  if (result.status === 'passed') io.stdout.write(`Well done! Next: ${nextHint(exercise)}\n`);
}

function nextHint(exercise: Exercise): string {
  return `run 'k8s-workloads-course list' to pick the next exercise after ${exercise.id}.`;
}

/**
 * Re-checks whenever the file changes, until interrupted. The folder is watched rather than the file,
 * because many editors save by writing a new file and renaming it over the old one (the old inode,
 * and a watch on it, would go away). Bursts of events are debounced into one check.
 */
async function watchFile(io: CliIO, session: CourseSession, exercise: Exercise, file: string, json: boolean): Promise<void> {
  const name = basename(file);
  let last = '';
  const recheck = () => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // mid-save or deleted: wait for the next event
    }
    if (text === last) return;
    last = text;
    if (io.stdout.isTTY && !json) io.stdout.write('\u001b[2J\u001b[H');
    else io.stdout.write(`\n--- ${new Date().toLocaleTimeString()} ---\n`);
    try {
      checkOnce(io, session, exercise, file, json);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`error: ${err.message}\n`);
    }
    io.stdout.write(io.color.dim(`\nWatching ${file} — save it to check again, Ctrl-C to stop.\n`));
  };
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  recheck();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(file), (_event, changed) => {
      if (changed && changed.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(recheck, 120);
    });
  } catch (err) {
    throw new InputError(`cannot watch ${dirname(file)}: ${(err as Error).message}`);
  }
  await new Promise<void>((done) => {
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

