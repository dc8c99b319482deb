// `preview LESSON[/EXERCISE] [--watch]`: a lesson or an exercise rendered the way the line-mode course
// shows it to learners (the engine's renderMarkdown), re-rendered whenever a file of the lesson is saved.
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { builtinPackDir, formatProblem, readPack, renderMarkdown, type Lesson, type Pack } from '../../course/index.js';
import { closest } from '../../util/suggest.js';
import { EXIT_OK, InputError, UsageError, type CliIO } from '../io.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const target = positionals[0];
  if (!target) throw new UsageError('name the lesson to preview: preview LESSON or preview LESSON/EXERCISE', 'preview');
  const dir = typeof values.lessons === 'string' ? resolve(io.cwd, values.lessons) : builtinPackDir();
  const builtin = typeof values.lessons !== 'string';
  const lessonDir = await renderOnce(io, dir, builtin, target);
  if (!values.watch || lessonDir === undefined) return EXIT_OK;
  return watchAndRender(io, lessonDir, () => renderOnce(io, dir, builtin, target, true));
}

/** Renders the target; returns its lesson folder (to watch). Throws on the first render only. */
async function renderOnce(io: CliIO, dir: string, builtin: boolean, target: string, again = false): Promise<string | undefined> {
  const { pack, problems } = readPack(dir, { builtin });
  const [lessonRef, exerciseRef] = target.split('/');
  const lesson = findLesson(pack, lessonRef!);
  if (!lesson) {
    // While watching, a half-saved front matter must not end the preview.
    if (again) {
      io.stdout.write(`${problems.map(formatProblem).join('\n')}\n(lesson '${lessonRef}' cannot be read right now; fix the problems above and save again)\n`);
      return undefined;
    }
    const near = closest(lessonRef!, pack.lessons.map((l) => l.id));
    throw new InputError(`no lesson '${lessonRef}' in ${dir}` + (near ? ` (did you mean '${near}'?)` : '') + (problems.length ? `\n${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}` : ''));
  }
  const width = Math.min(io.stdout.columns ?? 80, 100);
  const color = io.color.bold('x') !== 'x';
  let text: string;
  if (exerciseRef === undefined) {
    text = await renderMarkdown(lesson.markdown, { width, color });
    if (lesson.examples.length) text += '\nRunnable examples (try them with the simulate command):\n' + lesson.examples.map((e) => `  ${e.title}: k8s-workloads-course simulate ${e.manifest}${e.scenario ? ` --scenario ${e.scenario}` : ''}\n`).join('');
  } else {
    const exercise = lesson.exercises.find((e) => e.id === exerciseRef || e.dir.endsWith(`/${exerciseRef}`));
    if (!exercise) {
      const near = closest(exerciseRef, lesson.exercises.map((e) => e.id));
      throw new InputError(`lesson '${lesson.id}' has no exercise '${exerciseRef}'` + (near ? ` (did you mean '${near}'?)` : `; its exercises: ${lesson.exercises.map((e) => e.id).join(', ') || 'none'}`));
    }
    text = '\n' + io.color.bold(exercise.title) + '\n\n' + (await renderMarkdown(exercise.task, { width, color }));
    if (exercise.hints.length) text += '\n' + exercise.hints.map((h, i) => `Hint ${i + 1}: ${h}\n`).join('');
  }
  const own = problems.filter((p) => p.file.startsWith(`${lesson.folder}/`));
  if (again && io.stdout.isTTY) io.stdout.write('\u001b[2J\u001b[H');
  io.stdout.write(text);
  if (own.length) io.stderr.write('\n' + own.map(formatProblem).join('\n') + '\n');
  return lesson.dir;
}

function findLesson(pack: Pack, ref: string): Lesson | undefined {
  return pack.lessons.find((l) => l.id === ref || l.folder === ref);
}

/** Re-renders (debounced) on every change under the lesson folder until interrupted. */
function watchAndRender(io: CliIO, dir: string, render: () => Promise<unknown>): Promise<number> {
  io.stderr.write(`(watching ${dir}; press Ctrl-C to stop)\n`);
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      // Editors save in several writes; render once they are done.
      timer = setTimeout(() => {
        running = running.then(async () => {
          try {
            await render();
            io.stderr.write('(re-rendered)\n');
          } catch (err) {
            io.stderr.write(`${(err as Error).message}\n`);
          }
        });
      }, 150);
    });
    process.once('SIGINT', () => {
      watcher.close();
      clearTimeout(timer);
      done(EXIT_OK);
    });
  });
}
