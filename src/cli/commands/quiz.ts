// `quiz [LESSON]`: takes a lesson's quiz (by default the first lesson whose quiz is not taken yet).
import { findLesson, type Lesson, type Pack } from '../../course/index.js';
import type { Progress } from '../../course/progress.js';
import { closest } from '../../util/suggest.js';
import { EXIT_FAILED, EXIT_OK, InputError } from '../io.js';
import { openSession } from '../plain/context.js';
import { createPrompter, PromptClosed } from '../plain/prompts.js';
import { runQuiz } from '../plain/quiz-runner.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const session = openSession(io, values);
  const lesson = pickLesson(session.pack, session.progress.progress, positionals[0]);
  const prompter = createPrompter(io);
  try {
    await runQuiz(io, prompter, session, lesson);
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof PromptClosed)) throw err;
    io.stderr.write('Quiz stopped before the end; nothing was saved.\n');
    return EXIT_FAILED;
  } finally {
    prompter.close();
  }
}

function pickLesson(pack: Pack, progress: Progress, wanted: string | undefined): Lesson {
  const withQuiz = pack.lessons.filter((l) => l.quiz);
  if (withQuiz.length === 0) throw new InputError('no lesson in this pack has a quiz');
  if (wanted === undefined) {
    return withQuiz.find((l) => !progress.packs[l.packId]?.quizzes[l.id]) ?? withQuiz[0]!;
  }
  const lesson = findLesson(pack, wanted);
  if (!lesson) {
    const near = closest(wanted, pack.lessons.map((l) => l.id));
    throw new InputError(`no lesson '${wanted}'` + (near ? ` (did you mean '${near}'?)` : '') + `; lessons with a quiz: ${withQuiz.map((l) => l.id).join(', ')}`);
  }
  if (!lesson.quiz) throw new InputError(`lesson '${lesson.id}' has no quiz; lessons with a quiz: ${withQuiz.map((l) => l.id).join(', ')}`);
  return lesson;
}
