/**
 * The whole course in line mode (`--plain`): for screen readers, small terminals and scripts. Lessons
 * are rendered with marked-terminal and paged; exercises and quizzes use inquirer on a terminal, typed
 * answers otherwise. The TUI's `course` command calls `runPlainCourse` when it cannot go full screen.
 */
import { readFileSync } from 'node:fs';
import { checkExercise, listCourse, markExerciseOpened, markLessonRead, openExercise, recordAttempt, recordHint, renderMarkdown, resetExercise, type Exercise, type Lesson } from '../../course/index.js';
import { formatList } from '../commands/list.js';
import { EXIT_OK, type CliIO } from '../io.js';
import { openSession, type CourseSession } from './context.js';
import { formatCheckResult } from './format.js';
import { createPrompter, PromptClosed, type Prompter } from './prompts.js';
import { runQuiz } from './quiz-runner.js';

export interface PlainCourseOptions {
  /** `--lessons DIR`: another lesson pack. */
  lessons?: string;
  /** Run the built-in lessons first, then the `lessons` pack. */
  withBuiltin?: boolean;
  /** `--workspace DIR`: where exercise files live. */
  workspace?: string;
}

export async function runPlainCourse(io: CliIO, options: PlainCourseOptions = {}): Promise<number> {
  const session = openSession(io, { lessons: options.lessons, 'with-builtin': options.withBuiltin, workspace: options.workspace });
  const prompter = createPrompter(io);
  try {
    await mainMenu(io, prompter, session);
  } catch (err) {
    if (!(err instanceof PromptClosed)) throw err;
  } finally {
    prompter.close();
  }
  io.stdout.write('Bye! Your progress is saved.\n');
  return EXIT_OK;
}

const QUIT = -1;

async function mainMenu(io: CliIO, prompter: Prompter, session: CourseSession): Promise<void> {
  for (;;) {
    const map = listCourse(session.pack, session.progress.progress);
    io.stdout.write('\n' + formatList(map, io.color) + '\n');
    const choice = await prompter.select(
      'Which lesson?',
      [...map.lessons.map((l, i) => ({ name: `${l.title}${l.complete ? ' (done)' : l.read ? ' (read)' : ''}`, value: i })), { name: 'Quit', value: QUIT }],
    );
    if (choice === QUIT) return;
    await lessonMenu(io, prompter, session, session.pack.lessons[choice]!);
  }
}

async function lessonMenu(io: CliIO, prompter: Prompter, session: CourseSession, lesson: Lesson): Promise<void> {
  const READ = -2;
  const QUIZ = -3;
  const BACK = -4;
  for (;;) {
    const map = listCourse(session.pack, session.progress.progress).lessons.find((l) => l.id === lesson.id)!;
    const choices = [
      { name: `Read the lesson (${lesson.minutes} min)${map.read ? ' — read' : ''}`, value: READ },
      ...map.exercises.map((e, i) => ({ name: `Exercise: ${e.title} — ${e.status}`, value: i })),
      ...(lesson.quiz ? [{ name: `Quiz (${lesson.quiz.questions.length} questions)${map.quiz?.best !== undefined ? ` — best ${map.quiz.best}` : ''}`, value: QUIZ }] : []),
      { name: 'Back to the lessons', value: BACK },
    ];
    const choice = await prompter.select(`${lesson.title}: what next?`, choices);
    if (choice === BACK) return;
    if (choice === READ) await readLesson(io, prompter, session, lesson);
    else if (choice === QUIZ) await runQuiz(io, prompter, session, lesson);
    else await exerciseMenu(io, prompter, session, lesson.exercises[choice]!);
  }
}

function width(io: CliIO): number {
  return Math.min(io.stdout.columns ?? 80, 100);
}

const colorOn = (io: CliIO) => io.color.bold('x') !== 'x';

async function readLesson(io: CliIO, prompter: Prompter, session: CourseSession, lesson: Lesson): Promise<void> {
  const text = await renderMarkdown(lesson.markdown, { width: width(io), color: colorOn(io) });
  await page(io, prompter, text);
  if (lesson.examples.length) {
    io.stdout.write('\nRunnable examples (try them with the simulate command):\n');
    for (const e of lesson.examples) io.stdout.write(`  ${e.title}: k8s-workloads-course simulate ${e.manifest}${e.scenario ? ` --scenario ${e.scenario}` : ''}\n`);
  }
  markLessonRead(session.progress.progress, lesson.packId, lesson.id, new Date());
  session.save();
}

/** Shows a screenful at a time on a terminal; everything at once otherwise. */
async function page(io: CliIO, prompter: Prompter, text: string): Promise<void> {
  const lines = text.split('\n');
  const rows = io.stdout.isTTY && io.stdin.isTTY ? Math.max(5, (io.stdout.rows ?? 24) - 2) : Infinity;
  for (let i = 0; i < lines.length; i += rows) {
    io.stdout.write(lines.slice(i, i + rows).join('\n') + '\n');
    if (i + rows < lines.length && !(await prompter.confirm(`-- ${Math.round(((i + rows) / lines.length) * 100)}% -- continue reading?`, true))) return;
  }
}

async function exerciseMenu(io: CliIO, prompter: Prompter, session: CourseSession, exercise: Exercise): Promise<void> {
  const opened = openExercise(session.workspace, exercise);
  markExerciseOpened(session.progress.progress, exercise.packId, exercise.id, new Date());
  session.save();
  io.stdout.write('\n' + io.color.bold(exercise.title) + '\n\n' + (await renderMarkdown(exercise.task, { width: width(io), color: colorOn(io) })));
  io.stdout.write(`\nYour file: ${opened.path}${opened.created ? ' (created from the starter)' : ''}\nEdit it in your editor, then choose "Check my file".\n\n`);
  const CHECK = 0;
  const HINT = 1;
  const RESET = 2;
  const BACK = 3;
  for (;;) {
    const used = session.progress.progress.packs[exercise.packId]?.exercises[exercise.id]?.hintsUsed ?? 0;
    const left = exercise.hints.length - used;
    const choice = await prompter.select(`${exercise.title}: what next?`, [
      { name: 'Check my file', value: CHECK },
      ...(exercise.hints.length ? [{ name: left > 0 ? `Show a hint (${left} left)` : 'Show the hints again', value: HINT }] : []),
      { name: 'Reset my file to the starter (keeps a backup)', value: RESET },
      { name: 'Back', value: BACK },
    ]);
    if (choice === BACK) return;
    if (choice === CHECK) checkNow(io, session, exercise, opened.path);
    else if (choice === HINT) {
      const shown = Math.min(exercise.hints.length, used + 1);
      exercise.hints.slice(0, shown).forEach((h, i) => io.stdout.write(`Hint ${i + 1}: ${h}\n`));
      recordHint(session.progress.progress, exercise.packId, exercise.id, shown);
      session.save();
    } else if (await prompter.confirm('Replace your file with the starter?', false)) {
      const reset = resetExercise(session.workspace, exercise);
      io.stdout.write(`Restored the starter in ${reset.path}${reset.backup ? `; your version is saved as ${reset.backup}` : ''}.\n`);
    }
  }
}

function checkNow(io: CliIO, session: CourseSession, exercise: Exercise, file: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    io.stdout.write(`Cannot read ${file}; choose "Reset" to create it again.\n`);
    return;
  }
  const result = checkExercise(session.pack, exercise.id, text, file);
  if (result.status === 'passed' || result.status === 'failed') {
    recordAttempt(session.progress.progress, exercise.packId, exercise.id, result.status === 'passed', new Date());
    session.save();
  }
  io.stdout.write('\n' + formatCheckResult(result, io.color, { source: text }) + '\n');
}
